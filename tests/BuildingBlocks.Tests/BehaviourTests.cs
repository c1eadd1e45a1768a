using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Behaviours;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace BuildingBlocks.Tests;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "thing")]
public sealed record ChangeThing(string Name) : IRequest<string>;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Read, "thing")]
public sealed record ReadThing(string Name) : IntegratedCare.BuildingBlocks.Application.Messaging.IQuery<string>;

[Audit(AuditAction.Read, "thing")]
public sealed record Undeclared : IRequest<string>;

public sealed class BehaviourTests
{
    private static readonly Task<string> Done = Task.FromResult("done");

    private static readonly Guid AgencyId = Guid.Parse("7d1f3c52-0c1e-4a4e-9d55-2f0d7e9b1a01");

    private static CurrentActor ActorWith(params string[] roles) => ActorFor(AgencyId.ToString("D"), roles);

    private static CurrentActor ActorFor(string agencyId, params string[] roles)
    {
        var actor = new CurrentActor();
        actor.Set(new Actor("user-1", ActorKind.Staff, agencyId, roles.ToHashSet()));
        return actor;
    }

    private static IActingAgencies Agencies(bool active = true)
    {
        var agencies = Substitute.For<IActingAgencies>();
        agencies.FindAsync(AgencyId, Arg.Any<CancellationToken>()).Returns(new ActingAgency(AgencyId, "Agency", "VoluntarySector", active, []));
        return agencies;
    }

    [Theory]
    [InlineData(false, "7d1f3c52-0c1e-4a4e-9d55-2f0d7e9b1a01")]
    [InlineData(true, "00000000-0000-4000-8000-000000000000")]
    [InlineData(true, "not-an-agency")]
    public async Task Authorization_RefusesADeactivatedOrUnknownAgency_WhateverTheRoles(bool active, string agencyId)
    {
        var ran = false;
        var behaviour = new AuthorizationBehavior<ChangeThing, string>(ActorFor(agencyId, Roles.SystemAdmin), Agencies(active));

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => behaviour.Handle(new ChangeThing("x"), CancellationToken.None, () =>
        {
            ran = true;
            return Done;
        }));
        Assert.Contains("unknown or inactive", refused.Message, StringComparison.Ordinal);
        Assert.False(ran);
    }

    [Fact]
    public async Task Authorization_AdmitsAHolderOfADeclaredRole()
    {
        var behaviour = new AuthorizationBehavior<ChangeThing, string>(ActorWith(Roles.SystemAdmin), Agencies());

        Assert.Equal("done", await behaviour.Handle(new ChangeThing("x"), CancellationToken.None, () => Done));
    }

    [Fact]
    public async Task Authorization_RefusesOthersBeforeTheHandlerRuns()
    {
        var ran = false;
        var behaviour = new AuthorizationBehavior<ChangeThing, string>(ActorWith(Roles.CaseManager), Agencies());

        await Assert.ThrowsAsync<ForbiddenException>(() => behaviour.Handle(new ChangeThing("x"), CancellationToken.None, () =>
        {
            ran = true;
            return Done;
        }));
        Assert.False(ran);
    }

    [Fact]
    public async Task Authorization_WithoutAnActor_IsUnauthenticated_AndAnUndeclaredRequestNeverRuns()
    {
        await Assert.ThrowsAsync<UnauthenticatedException>(() =>
            new AuthorizationBehavior<ChangeThing, string>(new CurrentActor(), Agencies()).Handle(new ChangeThing("x"), CancellationToken.None, () => Done));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new AuthorizationBehavior<Undeclared, string>(ActorWith(Roles.SystemAdmin), Agencies()).Handle(new Undeclared(), CancellationToken.None, () => Done));
    }

    [Fact]
    public async Task Validation_ReportsEveryFieldOfEveryValidatorByItsWireName()
    {
        var first = new InlineValidator<ChangeThing>();
        first.RuleFor(x => x.Name).NotEmpty().WithMessage("is required");
        var second = new InlineValidator<ChangeThing>();
        second.RuleFor(x => x.Name).MinimumLength(3).WithMessage("is too short");
        var behaviour = new ValidationBehavior<ChangeThing, string>([first, second]);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => behaviour.Handle(new ChangeThing(""), CancellationToken.None, () => Done));

        Assert.Equal([("name", "is required"), ("name", "is too short")], ex.Errors.Select(e => (e.Field, e.Reason)));
    }

    [Fact]
    public async Task UnitOfWork_OneTransactionPerCommand_NestedRequestsJoinIt()
    {
        var unitOfWork = new FakeUnitOfWork();
        var scope = new AuditScope(ActorWith(), new FakeTimeProvider());
        var trail = Substitute.For<IAuditTrail>();
        var outer = new UnitOfWorkBehavior<ChangeThing, string>(unitOfWork, scope, trail);
        var inner = new UnitOfWorkBehavior<ChangeThing, string>(unitOfWork, scope, trail);
        var outerEntry = scope.Begin(new AuditAttribute(AuditAction.Update, "thing"), "outer", null);

        await outer.Handle(new ChangeThing("x"), CancellationToken.None, async () =>
        {
            var innerEntry = scope.Begin(new AuditAttribute(AuditAction.Read, "thing"), "inner", null);
            await inner.Handle(new ChangeThing("y"), CancellationToken.None, () => Done);
            scope.End(innerEntry);
            return "done";
        });
        scope.End(outerEntry);

        Assert.Equal((1, 1, 0), (unitOfWork.Begins, unitOfWork.Commits, unitOfWork.Rollbacks));
        trail.Received(2).Append(Arg.Is<AuditRecord>(r => r.Outcome == AuditOutcome.Success));
    }

    [Fact]
    public async Task UnitOfWork_AQuery_ReadsWithoutTheWriteLock_AndAnswersOnlyOnceItsAuditIsDurable()
    {
        var unitOfWork = new FakeUnitOfWork();
        var scope = new AuditScope(ActorWith(), new FakeTimeProvider());
        var trail = Substitute.For<IAuditTrail>();
        var durable = new TaskCompletionSource();
        trail.FlushAsync(Arg.Any<CancellationToken>()).Returns(durable.Task);
        var entry = scope.Begin(new AuditAttribute(AuditAction.Read, "thing"), "read", null);
        var behaviour = new UnitOfWorkBehavior<ReadThing, string>(unitOfWork, scope, trail);

        var answer = behaviour.Handle(new ReadThing("x"), CancellationToken.None, () => Done);
        await Task.Delay(50);
        var answeredBeforeDurable = answer.IsCompleted;
        durable.SetResult();
        scope.End(entry);

        Assert.Equal("done", await answer);
        Assert.False(answeredBeforeDurable);
        Assert.Equal((0, 1), (unitOfWork.Begins, unitOfWork.Reads));
        trail.Received(1).Append(Arg.Is<AuditRecord>(r => r.Outcome == AuditOutcome.Success));
    }

    [Fact]
    public async Task UnitOfWork_AQueryWhoseAuditCannotBeWritten_AnswersNothing()
    {
        var unitOfWork = new FakeUnitOfWork();
        var scope = new AuditScope(ActorWith(), new FakeTimeProvider());
        var trail = Substitute.For<IAuditTrail>();
        trail.FlushAsync(Arg.Any<CancellationToken>()).Returns(Task.FromException(new IOException("disk full")));
        scope.Begin(new AuditAttribute(AuditAction.Read, "thing"), "read", null);
        var behaviour = new UnitOfWorkBehavior<ReadThing, string>(unitOfWork, scope, trail);

        await Assert.ThrowsAsync<IOException>(() => behaviour.Handle(new ReadThing("x"), CancellationToken.None, () => Done));
    }

    [Fact]
    public async Task UnitOfWork_WhenTheHandlerFails_RollsBackAndRecordsNoSuccess()
    {
        var unitOfWork = new FakeUnitOfWork();
        var scope = new AuditScope(ActorWith(), new FakeTimeProvider());
        var trail = Substitute.For<IAuditTrail>();
        scope.Begin(new AuditAttribute(AuditAction.Update, "thing"), "op", null);
        var behaviour = new UnitOfWorkBehavior<ChangeThing, string>(unitOfWork, scope, trail);

        await Assert.ThrowsAsync<NotFoundException>(() => behaviour.Handle(new ChangeThing("x"), CancellationToken.None,
            () => throw new NotFoundException("Thing", "1")));

        Assert.Equal((1, 0, 1), (unitOfWork.Begins, unitOfWork.Commits, unitOfWork.Rollbacks));
        trail.DidNotReceive().Append(Arg.Any<AuditRecord>());
    }

    [Fact]
    public async Task Audit_ARefusalIsWrittenInATransactionOfItsOwnWithoutTheExceptionText()
    {
        var scope = new AuditScope(ActorWith(Roles.CaseManager), new FakeTimeProvider());
        var trail = Substitute.For<IAuditTrail>();
        var behaviour = new AuditBehavior<ChangeThing, string>(scope, trail, new FakeUnitOfWork());

        await Assert.ThrowsAsync<ForbiddenException>(() => behaviour.Handle(new ChangeThing("x"), CancellationToken.None,
            () => throw new ForbiddenException("secret detail")));

        await trail.Received(1).WriteIsolatedAsync(
            Arg.Is<AuditRecord>(r => r.Outcome == AuditOutcome.Denied && r.OutcomeDetail == "permission-denied"
                && r.ActorId == "user-1" && r.Operation == "ChangeThing" && r.Action == AuditAction.Update),
            Arg.Any<CancellationToken>());
        Assert.Null(scope.Current);
    }

    [Fact]
    public async Task Audit_ANestedFailureJoinsTheOpenTransactionInsteadOfWaitingForItsLock()
    {
        var scope = new AuditScope(ActorWith(Roles.CaseManager), new FakeTimeProvider());
        var trail = Substitute.For<IAuditTrail>();
        var unitOfWork = new FakeUnitOfWork();
        await unitOfWork.BeginAsync(CancellationToken.None);
        var behaviour = new AuditBehavior<ChangeThing, string>(scope, trail, unitOfWork);

        await Assert.ThrowsAsync<NotFoundException>(() => behaviour.Handle(new ChangeThing("x"), CancellationToken.None,
            () => throw new NotFoundException("Thing", "1")));

        trail.Received(1).Append(Arg.Is<AuditRecord>(r => r.Outcome == AuditOutcome.Failed && r.OutcomeDetail == "not-found: Thing"));
        await trail.DidNotReceive().WriteIsolatedAsync(Arg.Any<AuditRecord>(), Arg.Any<CancellationToken>());
    }

    private sealed class FakeUnitOfWork : IUnitOfWork
    {
        public int Begins { get; private set; }

        public int Commits { get; private set; }

        public int Rollbacks { get; private set; }

        public bool IsActive { get; private set; }

        public bool IsReadOnly { get; private set; }

        public int Reads { get; private set; }

        public Task BeginAsync(CancellationToken cancellationToken)
        {
            Begins++;
            IsActive = true;
            return Task.CompletedTask;
        }

        public Task BeginReadAsync(CancellationToken cancellationToken)
        {
            Reads++;
            IsActive = true;
            IsReadOnly = true;
            return Task.CompletedTask;
        }

        public Task EndReadAsync()
        {
            IsActive = false;
            IsReadOnly = false;
            return Task.CompletedTask;
        }

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            Commits++;
            IsActive = false;
            return Task.CompletedTask;
        }

        public Task RollbackAsync()
        {
            Rollbacks++;
            IsActive = false;
            return Task.CompletedTask;
        }

        public void AfterCommit(Action action) => throw new NotSupportedException();
    }
}
