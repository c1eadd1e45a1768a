using IntegratedCare.Testing;
using Xunit.Abstractions;

namespace IntegratedCare.IntegrationTests;

/// <summary>The crash test (tests/Shared/CrashTest.cs) for five cycles: what CI runs. The benchmark project runs it for longer.</summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly DataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task KilledWithSigkillFiveTimesUnderWriters_NothingAcknowledgedIsLost_AndEveryEventIsHandledOnce()
    {
        var result = await new CrashTest(_folder.Path, output.WriteLine).RunAsync(cycles: 5, seed: Environment.TickCount);

        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems.Take(20)));
        Assert.True(result.Acknowledged > 20, $"only {result.Acknowledged} writes were acknowledged in {result.Cycles} cycles");
    }
}
