using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace PbPeru.Web.Infrastructure.Documents;

/// <summary>Stores a person's upload, or tells them in their language why it was refused.</summary>
public static class DocumentUpload
{
    /// <summary>
    /// The stored document; or null, with the reason (too large, empty, not a PDF, PNG or JPEG)
    /// added to <paramref name="modelState"/> under <paramref name="errorKey"/> and nothing kept.
    /// </summary>
    public static async Task<StoredDocument?> TrySaveAsync(
        this IDocumentStore documents, IFormFile upload, ModelStateDictionary modelState, string errorKey,
        IStringLocalizer<SharedResource> t, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = upload.OpenReadStream();
            return await documents.SaveAsync(content, upload.FileName, cancellationToken);
        }
        catch (DocumentRejectedException e)
        {
            modelState.AddModelError(errorKey, e.Reason switch
            {
                DocumentRejectionReason.TooLarge => t["El archivo pesa más de 5 MB."],
                DocumentRejectionReason.Empty => t["El archivo está vacío."],
                _ => t["Solo se aceptan archivos PDF, PNG o JPEG."],
            });
            return null;
        }
    }
}
