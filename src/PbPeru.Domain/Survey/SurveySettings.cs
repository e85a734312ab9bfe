using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Survey;

/// <summary>
/// A cycle's survey settings: the number of answers from which its results are published. Below
/// it, the counts and comments of a few people could point at who said what. A cycle without a
/// row uses <see cref="DefaultThreshold"/>.
/// </summary>
public sealed class SurveySettings
{
    public const int DefaultThreshold = 10;

    /// <summary>Fewer answers than this would not keep anyone anonymous, whatever the manager wishes.</summary>
    public const int MinThreshold = 5;

    public const int MaxThreshold = 10_000;

    private SurveySettings()
    {
    }

    public int CycleId { get; private set; }

    public int Threshold { get; private set; } = DefaultThreshold;

    public static SurveySettings Create(Cycle cycle, Actor manager, int threshold)
    {
        var settings = new SurveySettings { CycleId = cycle.Id };
        settings.ChangeThreshold(cycle, manager, threshold);
        return settings;
    }

    /// <summary>The manager of the cycle's jurisdiction sets the threshold, any time before the cycle closes.</summary>
    public void ChangeThreshold(Cycle cycle, Actor manager, int threshold)
    {
        if (cycle.Id != CycleId)
        {
            throw new ArgumentException("Settings of another cycle.", nameof(cycle));
        }

        if (!manager.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.Phase == Phase.Closed)
        {
            throw new DomainException(Messages.CycleClosed.Format());
        }

        if (threshold is < MinThreshold or > MaxThreshold)
        {
            throw new DomainException(Messages.SurveyThresholdOutOfRange.Format(MinThreshold, MaxThreshold));
        }

        Threshold = threshold;
    }

    /// <summary>Whether results of <paramref name="answers"/> answers may be shown with this threshold.</summary>
    public static bool MayPublish(int answers, int threshold) => answers >= threshold;
}

/// <summary>How many answers gave each grade to each aspect, and the comments.</summary>
public sealed class SurveyTally
{
    private readonly int[,] _counts = new int[SurveyNames.Aspects.Count, SurveyNames.Grades.Count];

    private SurveyTally()
    {
    }

    public int Answers { get; private set; }

    public int Count(SurveyAspect aspect, SurveyGrade grade) => _counts[(int)aspect, (int)grade - 1];

    /// <summary>The share of the answers that gave this grade to this aspect, in percent, one decimal.</summary>
    public decimal Percent(SurveyAspect aspect, SurveyGrade grade) =>
        Answers == 0 ? 0m : Math.Round(100m * Count(aspect, grade) / Answers, 1, MidpointRounding.AwayFromZero);

    public static SurveyTally Of(IEnumerable<SurveyGrades> answers)
    {
        var tally = new SurveyTally();
        foreach (var grades in answers)
        {
            tally.Answers++;
            foreach (var aspect in SurveyNames.Aspects)
            {
                if (grades.Of(aspect) is { } grade)
                {
                    tally._counts[(int)aspect, (int)grade - 1]++;
                }
            }
        }

        return tally;
    }
}
