using Google.Rpc;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;

namespace BuildingBlocks.Tests;

public sealed class ErrorMappingTests
{
    private sealed class AlwaysBroken : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Message => "The rule is broken.";
    }

    private sealed class Duplicate : IUniquenessRule
    {
        public bool IsBroken() => true;

        public string Message => "Exists already.";
    }

    public static TheoryData<Exception, Code> Cases => new()
    {
        { new RequestValidationException("name", "is required"), Code.InvalidArgument },
        { new UnauthenticatedException(), Code.Unauthenticated },
        { new ForbiddenException("no"), Code.PermissionDenied },
        { new NotFoundException("Agency", "1"), Code.NotFound },
        { new AlreadyExistsException("dup"), Code.AlreadyExists },
        { new BusinessRuleViolationException(new Duplicate()), Code.AlreadyExists },
        { new BusinessRuleViolationException(new AlwaysBroken()), Code.FailedPrecondition },
        { new ConcurrencyConflictException("Agency", "1", 0, 1), Code.Aborted },
        { new InvalidOperationException("boom"), Code.Internal },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachKindOfFailure_HasItsOwnStatus(Exception exception, Code code) =>
        Assert.Equal((int)code, ErrorMappingInterceptor.ToStatus(exception, null, "corr-1").Code);

    [Fact]
    public void ValidationFailures_CarryOneFieldViolationEach()
    {
        var status = ErrorMappingInterceptor.ToStatus(
            new RequestValidationException([new FieldError("name", "is required"), new FieldError("contact.email", "is not an email address")]), null, "c");

        var badRequest = status.Details.Single().Unpack<BadRequest>();
        Assert.Equal(["name", "contact.email"], badRequest.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void UnexpectedFailures_SayNothingButTheCorrelationId()
    {
        var status = ErrorMappingInterceptor.ToStatus(new InvalidOperationException("SQLite Error 19: secret table detail"), null, "corr-42");

        Assert.DoesNotContain("SQLite", status.Message, StringComparison.Ordinal);
        Assert.Contains("corr-42", status.Message, StringComparison.Ordinal);
        Assert.Empty(status.Details);
    }
}
