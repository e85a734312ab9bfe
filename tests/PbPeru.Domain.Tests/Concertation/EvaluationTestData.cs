using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Concertation;

/// <summary>
/// A cycle in Concertation with the default matrix (five criteria on a 0–3 scale, weights 25, 25,
/// 20, 20, 10 with ids 1–5), reviews and sheets on it.
/// </summary>
internal static class EvaluationTestData
{
    public const string Ana = "eval-ana";
    public const string Beto = "eval-beto";
    public const string Carla = "eval-carla";
    public const string ProposerUser = "proposer-1";

    public static readonly DateOnly Today = new(2025, 5, 14);

    public static readonly DateTimeOffset Now = new(2025, 5, 14, 10, 0, 0, TimeSpan.FromHours(-5));

    public static readonly Money Estimate = Money.FromSoles(200_000m);

    public static Actor Manager => TestCycles.Manager;

    /// <summary>The cycle, with <paramref name="rules"/> changing the default proposal rules while in Draft.</summary>
    public static Cycle Cycle(Func<ProposalRules, ProposalRules>? rules = null, IReadOnlyList<CriterionInput>? criteria = null)
    {
        var cycle = TestCycles.InPhase(Phase.Concertation, c =>
        {
            if (criteria is not null)
            {
                c.SetCriteria(criteria, TestCycles.Manager);
            }

            if (rules is not null)
            {
                c.SetProposalRules(rules(ProposalRules.Default), TestCycles.Manager);
            }
        });
        var id = 1;
        foreach (var criterion in cycle.Criteria)
        {
            WithId(criterion, id++);
        }

        return WithId(cycle, 7);
    }

    public static ProposalReview Review(Cycle cycle, int proposalId = 11, params string[] evaluators)
    {
        var review = ProposalReview.For(cycle, proposalId);
        foreach (var evaluator in evaluators)
        {
            review.Assign(cycle, Manager, evaluator, NameOf(evaluator), Now);
        }

        return review;
    }

    public static string NameOf(string evaluator) => evaluator switch
    {
        Ana => "Ana Flores",
        Beto => "Beto Rojas",
        _ => "Carla Vega",
    };

    /// <summary>Scores for criteria 1–5 in order.</summary>
    public static Dictionary<int, int> Scores(params int[] scores) =>
        scores.Select((s, i) => (Id: i + 1, Score: s)).ToDictionary(x => x.Id, x => x.Score);

    public static EvaluationSheetInput Viable(params int[] scores) =>
        new(true, null, Viability.Viable, "Técnicamente sustentada.", null, null, Scores(scores));

    public static EvaluationSheetInput NotViable(string reason = "No resuelve el problema planteado.") =>
        new(true, null, Viability.NotViable, reason, null, null, Scores());

    public static EvaluationSheetInput Observed(string question = "Adjunte el plano de ubicación.") =>
        new(true, null, Viability.Observed, question, null, null, Scores());

    public static EvaluatorVerdict Verdict(params int[] scores) => new(Viability.Viable, Scores(scores));

    public static EvaluationSheet Record(ProposalReview review, Cycle cycle, string evaluator, EvaluationSheetInput input, DateOnly? today = null, DateTimeOffset? now = null) =>
        review.RecordSheet(cycle, evaluator, input, Estimate, today ?? Today, now ?? Now);

    public static CriterionInput Criterion(string name, int weight, params int[] levels) =>
        new(name, "", weight, levels.Select(l => new ScaleLevelInput(l, $"Nivel {l}")).ToList());
}
