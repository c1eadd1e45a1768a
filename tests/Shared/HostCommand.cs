using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IntegratedCare.Testing;

/// <summary>
/// The shipped host run as its own process from the caller's output folder, as the README runs it: the
/// shipped-host test, the browser tests and the benchmarks start it, and mint tokens with its own
/// <c>token</c> command. Linked into each of those projects from <c>tests/Shared</c>.
/// </summary>
internal static class HostCommand
{
    /// <summary><c>dotnet IntegratedCare.Host.dll &lt;arguments&gt;</c>, standard output and error redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IntegratedCare.Host.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Starts the host with its output drained to <paramref name="line"/> (or dropped), so a full pipe never blocks it; <paramref name="environment"/> adds to the process's environment.</summary>
    public static Process Start(IEnumerable<string> arguments, Action<string>? line = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = StartInfo(arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Forward(string? data)
        {
            if (data is not null)
            {
                line?.Invoke(data);
            }
        }
    }

    /// <summary>Runs a host command (such as <c>token</c>) to its end: its exit code and standard output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await error;
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    /// <summary>A bearer token from the host's <c>token</c> command, with the arguments and the host's settings.</summary>
    public static async Task<string> MintAsync(IEnumerable<string> arguments)
    {
        var (exitCode, output) = await RunAsync(["token", .. arguments]);
        return exitCode == 0 ? output.Trim() : throw new InvalidOperationException("The token command failed.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
