using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles;

/// <summary>
/// The opening and closing of a vote or an election as the manager types them: dates and times in
/// Lima, read into instants. Once it is open the opening stays as it was (the form shows it
/// without a field), so the page puts it back before reading.
/// </summary>
public sealed class ScheduleInput
{
    public DateOnly? OpensDate { get; set; }

    public TimeOnly? OpensTime { get; set; }

    public DateOnly? ClosesDate { get; set; }

    public TimeOnly? ClosesTime { get; set; }

    /// <summary>Shows <paramref name="opensAt"/> as the opening, for a vote already open.</summary>
    public void KeepOpening(DateTimeOffset opensAt)
    {
        var lima = LimaTime.ToLima(opensAt).DateTime;
        OpensDate = DateOnly.FromDateTime(lima);
        OpensTime = TimeOnly.FromDateTime(lima);
    }

    /// <summary>The two instants; false, with the message added to <paramref name="modelState"/>, when a field is missing.</summary>
    public bool TryRead(ModelStateDictionary modelState, IStringLocalizer t, out DateTimeOffset opens, out DateTimeOffset closes)
    {
        opens = closes = default;
        if (this is not { OpensDate: { } od, OpensTime: { } ot, ClosesDate: { } cd, ClosesTime: { } ct })
        {
            modelState.AddModelError("", t["Indique la fecha y la hora de apertura y de cierre."]);
            return false;
        }

        opens = LimaTime.At(od, ot);
        closes = LimaTime.At(cd, ct);
        return true;
    }
}
