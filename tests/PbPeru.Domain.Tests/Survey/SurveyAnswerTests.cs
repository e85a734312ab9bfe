using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Survey;

namespace PbPeru.Domain.Tests.Survey;

[Trait("Capability", "PublicResults")]
public sealed class SurveyAnswerTests
{
    private static readonly SurveyGrades AllGood = new(SurveyGrade.Good, SurveyGrade.Excellent, SurveyGrade.Fair, SurveyGrade.Poor, SurveyGrade.Good, SurveyGrade.Excellent);

    [Fact]
    public void Submit_InAPublishedCycle_GivesAnAnswerWithoutItsAuthor_AndASeparateParticipationMark()
    {
        var cycle = TestCycles.InPhase(Phase.Published);

        var submission = SurveyAnswer.Submit(cycle, "user-7", isParticipant: true, alreadyAnswered: false, AllGood, "  Faltó información sobre los costos.  ");

        Assert.Equal(AllGood, submission.Answer.Grades);
        Assert.Equal("Faltó información sobre los costos.", submission.Answer.Comment);
        Assert.Equal(("user-7", cycle.Id), (submission.Participation.UserId, submission.Participation.CycleId));

        // A random (version 4) key, not a time-ordered one.
        Assert.Equal(4, submission.Answer.Id.Version);
        Assert.DoesNotContain(typeof(SurveyAnswer).GetProperties(), p => p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTime) || p.PropertyType == typeof(DateOnly)
            || p.Name.Contains("User", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Agent", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Participation", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Submit_WithABlankComment_StoresNone()
    {
        var submission = SurveyAnswer.Submit(TestCycles.InPhase(Phase.Published), "user-7", true, false, AllGood, "   ");

        Assert.Null(submission.Answer.Comment);
    }

    [Theory]
    [InlineData(Phase.Formalization, false)]
    [InlineData(Phase.Closed, true)]
    public void Submit_OutsideThePublishedPhase_IsRefused(Phase phase, bool closed)
    {
        using var _ = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(phase);

        var error = Assert.Throws<DomainException>(() => SurveyAnswer.Submit(cycle, "user-7", true, false, AllGood, null));

        Assert.Equal((closed ? Messages.SurveyClosed : Messages.SurveyNotOpenYet).Format(), error.Message);
    }

    [Fact]
    public void Submit_BySomeoneWhoIsNotAParticipant_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => SurveyAnswer.Submit(TestCycles.InPhase(Phase.Published), "user-7", isParticipant: false, false, AllGood, null));

        Assert.Equal(Messages.SurveyNotParticipant.Format(), error.Message);
    }

    [Fact]
    public void Submit_ASecondTime_IsRefusedWithAClearMessage()
    {
        using var _ = CultureScope.Spanish();

        var error = Assert.Throws<DomainException>(() => SurveyAnswer.Submit(TestCycles.InPhase(Phase.Published), "user-7", true, alreadyAnswered: true, AllGood, null));

        Assert.Equal("Usted ya respondió esta evaluación: se admite una sola respuesta por persona.", error.Message);
    }

    [Fact]
    public void Submit_WithUngradedAspects_AndATooLongComment_GivesEveryReason()
    {
        using var _ = CultureScope.Spanish();
        var grades = AllGood with { Training = null, Voting = (SurveyGrade)9 };

        var error = Assert.Throws<DomainException>(() => SurveyAnswer.Submit(
            TestCycles.InPhase(Phase.Published), "user-7", true, false, grades, new string('x', SurveyAnswer.MaxCommentLength + 1)));

        Assert.Equal(
            ["Califique: La capacitación, La votación.", "El comentario puede tener hasta 1000 caracteres; tiene 1001."],
            error.Reasons);
    }

    [Fact]
    public void Submit_WithACommentOfExactlyTheMaximum_IsAccepted()
    {
        var submission = SurveyAnswer.Submit(TestCycles.InPhase(Phase.Published), "user-7", true, false, AllGood, new string('x', SurveyAnswer.MaxCommentLength));

        Assert.Equal(SurveyAnswer.MaxCommentLength, submission.Answer.Comment!.Length);
    }

    [Fact]
    public void Answers_HaveDistinctUnorderedKeys()
    {
        var cycle = TestCycles.InPhase(Phase.Published);
        var ids = Enumerable.Range(0, 200).Select(i => SurveyAnswer.Submit(cycle, $"user-{i}", true, false, AllGood, null).Answer.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.NotEqual(ids, ids.Order().ToList());
    }
}
