namespace PbPeru.Web.Infrastructure.Documents;

public static class DocumentSetup
{
    public const string PathKey = "Documents:Path";
    public const string DefaultPath = "App_Data/documents";

    /// <summary>
    /// Registers the <see cref="IDocumentStore"/>: files in <c>Documents:Path</c> (relative to the
    /// content root; <c>App_Data/documents</c> by default). The folder must lie outside the web
    /// root, where the static-file middleware would hand documents to anyone who guessed a name.
    /// </summary>
    public static IServiceCollection AddPbPeruDocuments(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration[PathKey] is { Length: > 0 } configured ? configured : DefaultPath));

        if (environment is IWebHostEnvironment { WebRootPath: { Length: > 0 } webRoot } && IsWithin(root, webRoot))
        {
            throw new InvalidOperationException($"{PathKey} ({root}) is inside the web root ({webRoot}); documents would be public.");
        }

        services.AddSingleton<IDocumentStore>(sp => new FileDocumentStore(root, sp.GetRequiredService<ILogger<FileDocumentStore>>()));
        return services;
    }

    private static bool IsWithin(string path, string folder)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return (path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).StartsWith(full, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }
}
