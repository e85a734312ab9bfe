using System.Globalization;

namespace PbPeru.Web.Infrastructure;

/// <summary>Times are stored in UTC and shown in America/Lima.</summary>
public static class LimaTime
{
    // Peru keeps UTC−5 all year; the fixed offset is the fallback where the time-zone database is missing.
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTimeOffset ToLima(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant a Lima wall-clock time names (a form's date and time field, a calendar day at 09:00).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => At(date.ToDateTime(time));

    public static DateTimeOffset At(DateTime limaLocal)
    {
        var local = DateTime.SpecifyKind(limaLocal, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLima(clock.GetUtcNow()).DateTime);

    /// <summary>"28/11/2026 10:36" in es-PE, with the culture's own pattern in English.</summary>
    public static string Format(DateTimeOffset instant) => ToLima(instant).ToString("g", CultureInfo.CurrentCulture);

    public static string Format(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string FormatLong(DateOnly date) => date.ToString("D", CultureInfo.CurrentCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Lima");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("America/Lima", TimeSpan.FromHours(-5), "Lima", "Lima");
        }
    }
}
