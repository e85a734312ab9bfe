using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PbPeru.Domain.Common;

namespace PbPeru.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>
    /// Puts FluentValidation's messages beside their fields (names prefixed, e.g. "Input.Name");
    /// true when neither validation nor model binding found a problem.
    /// </summary>
    public static bool AddValidation(this ModelStateDictionary modelState, ValidationResult result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.PropertyName) ? prefix : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }

        // Binding errors (a year typed as letters, say) count too.
        return result.IsValid && modelState.IsValid;
    }

    /// <summary>Shows a rule the domain refused, with each of its reasons, above the form.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException exception, string key = "")
    {
        if (exception.Reasons.Count == 0)
        {
            modelState.AddModelError(key, exception.Message);
            return;
        }

        foreach (var reason in exception.Reasons)
        {
            modelState.AddModelError(key, reason);
        }
    }
}
