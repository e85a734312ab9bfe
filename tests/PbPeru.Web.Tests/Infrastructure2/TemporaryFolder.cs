namespace PbPeru.Web.Tests.Infrastructure2;

/// <summary>A fresh folder under the system's temp folder, removed with everything in it when disposed.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pbperu-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Every file under the folder, at any depth (none when the folder is missing).</summary>
    public string[] Files(string? under = null)
    {
        var folder = under is null ? Path : System.IO.Path.Combine(Path, under);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
