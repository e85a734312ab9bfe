using Microsoft.AspNetCore.Mvc;
using PbPeru.Domain.Registration;

namespace PbPeru.Web.Infrastructure.Documents;

/// <summary>
/// Sends a stored supporting document as a download, once the caller has checked who may see it:
/// always as an attachment under the name the person gave it, with the type found in its content,
/// never cached by a shared proxy and never sniffed into something the browser would run.
/// </summary>
public static class DocumentDownload
{
    public static IActionResult Of(IDocumentStore store, OrganizationDocument document, HttpResponse response) =>
        Of(store, document.StorageKey, document.ContentType, document.FileName, response);

    /// <summary>404 when the file is missing from the store (the record outlived it).</summary>
    public static IActionResult Of(IDocumentStore store, string storageKey, string contentType, string fileName, HttpResponse response)
    {
        Stream content;
        try
        {
            content = store.OpenRead(storageKey);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ArgumentException)
        {
            return new NotFoundResult();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return new FileStreamResult(content, contentType) { FileDownloadName = fileName };
    }
}
