using System.IO.MemoryMappedFiles;

namespace IntegratedCare.AgencySimulator;

/// <summary>
/// Simulated time shared by a test and the host processes it starts, through a small memory-mapped file:
/// slot 0 holds the time the test has set, slot <c>n</c> the time host <c>n</c> has caught up to. Each
/// host follows slot 0 with a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> of its own,
/// so its timers (deadline sweeps, outbox polls, claim leases) fire as the simulated days pass, as they do
/// in process; the test waits for every live host to have caught up before it looks.
/// </summary>
public sealed class SharedClock : IDisposable
{
    public const int Hosts = 4;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    private SharedClock(string path)
    {
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, (Hosts + 1) * sizeof(long), MemoryMappedFileAccess.ReadWrite);
        _view = _file.CreateViewAccessor(0, (Hosts + 1) * sizeof(long));
    }

    public static SharedClock Create(string path, DateTimeOffset start)
    {
        File.WriteAllBytes(path, new byte[(Hosts + 1) * sizeof(long)]);
        var clock = new SharedClock(path);
        clock.Now = start;
        return clock;
    }

    public static SharedClock Open(string path) => new(path);

    /// <summary>The simulated time, as the test last set it. Aligned eight-byte reads and writes are whole on x64 and arm64.</summary>
    public DateTimeOffset Now
    {
        get => new(_view.ReadInt64(0), TimeSpan.Zero);
        set => _view.Write(0, value.UtcTicks);
    }

    /// <summary>The time host <paramref name="host"/> (1..<see cref="Hosts"/>) has caught up to.</summary>
    public DateTimeOffset ObservedBy(int host) => new(_view.ReadInt64(Slot(host)), TimeSpan.Zero);

    public void Observe(int host, DateTimeOffset now) => _view.Write(Slot(host), now.UtcTicks);

    private static long Slot(int host) =>
        host is >= 1 and <= Hosts ? host * sizeof(long) : throw new ArgumentOutOfRangeException(nameof(host), host, $"hosts are numbered 1..{Hosts}");

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }
}
