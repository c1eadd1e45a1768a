using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace BuildingBlocks.Tests;

public sealed class DeadlineSweepTests
{
    /// <summary>A sweep whose batches are full <paramref name="fullRounds"/> times, then not.</summary>
    private sealed class Backlog(IServiceScopeFactory scopes, TimeProvider clock, int fullRounds) : DeadlineSweep(scopes, clock, NullLogger.Instance)
    {
        public int Rounds;
        public readonly TaskCompletionSource Drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override string Component => "test-deadlines";

        protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

        protected override Task<SweepRound> SweepAsync(IMediator mediator, CancellationToken cancellationToken)
        {
            var more = ++Rounds <= fullRounds;
            if (!more)
            {
                Drained.TrySetResult();
            }

            return Task.FromResult(new SweepRound($"round {Rounds}", more));
        }
    }

    [Fact]
    public async Task ABacklog_IsWorkedOffInOneTick_InShortRounds_NotOneBatchPerInterval()
    {
        var services = new ServiceCollection().AddScoped<CurrentActor>().AddScoped(_ => Substitute.For<IMediator>()).BuildServiceProvider();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sweep = new Backlog(services.GetRequiredService<IServiceScopeFactory>(), clock, fullRounds: 7);

        await sweep.StartAsync(CancellationToken.None);

        // The service starts its loop in the background: move the clock a minute at a time until the first
        // tick, then no further, so every later round belongs to that one tick.
        for (var waited = 0; Volatile.Read(ref sweep.Rounds) == 0 && waited < 500; waited++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        await Task.WhenAny(sweep.Drained.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(sweep.Drained.Task.IsCompleted, $"rounds: {sweep.Rounds}");
        await sweep.StopAsync(CancellationToken.None);

        Assert.Equal(8, sweep.Rounds);
    }
}
