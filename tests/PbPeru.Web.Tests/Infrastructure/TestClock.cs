namespace PbPeru.Web.Tests.Infrastructure;

/// <summary>
/// The app's clock in tests: the real time until a test sets it, then that instant (moved only by
/// the test). Every <see cref="PbPeruFactory"/> has one, as <see cref="PbPeruFactory.Clock"/>.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _now;

    public override DateTimeOffset GetUtcNow() => _now ?? base.GetUtcNow();

    /// <summary>Stops the clock at <paramref name="instant"/>.</summary>
    public void Set(DateTimeOffset instant) => _now = instant.ToUniversalTime();

    /// <summary>Stops the clock at noon in Lima on <paramref name="day"/>.</summary>
    public void SetLimaDay(DateOnly day) => Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(-5)));

    public void Advance(TimeSpan by) => _now = GetUtcNow() + by;

    /// <summary>Back to the real time.</summary>
    public void Reset() => _now = null;
}
