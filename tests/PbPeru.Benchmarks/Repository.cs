namespace PbPeru.Benchmarks;

internal static class Repository
{
    /// <summary>The folder holding PbPeru.sln, found upwards from the benchmark's output.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PbPeru.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PbPeru.sln not found above the benchmark.");
    }
}
