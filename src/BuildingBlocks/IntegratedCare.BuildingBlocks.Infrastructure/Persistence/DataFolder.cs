namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Folders that hold people's data or keys are created readable by their owner only.</summary>
public static class DataFolder
{
    public static void EnsureFor(string filePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(filePath))!;
        if (Directory.Exists(folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
