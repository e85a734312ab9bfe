using PbPeru.Domain.Common;

namespace PbPeru.Domain.Audit;

/// <summary>What can be wrong with a chain, found at the first line where it shows.</summary>
public enum AuditProblem
{
    /// <summary>A line's content no longer matches its hash.</summary>
    Edited,

    /// <summary>A line is missing: a gap in the sequence, a broken link, or lines cut off the end.</summary>
    Removed,

    /// <summary>Lines are out of their order: a sequence number repeats or goes back, or a line links to one after it.</summary>
    Reordered,

    /// <summary>The chain ends on a hash other than the head noted elsewhere (the acta, the open data).</summary>
    HeadMismatch,

    /// <summary>A line of another chain is mixed in.</summary>
    ForeignLine,
}

/// <summary>The verdict on a chain: sound (how many lines and its head), or the first problem and where.</summary>
public sealed record AuditVerification(int Count, AuditHead Head, AuditProblem? Problem, long ProblemSequence, string Explanation)
{
    public bool IsSound => Problem is null;
}

/// <summary>
/// Walks a chain in its stored order and reports the first line that was edited, removed or moved.
/// A chain whose every hash was recomputed after a change is only caught against a head noted
/// before the change (<c>expectedHead</c>): that is why the acta and the open data print it.
/// </summary>
public static class AuditVerifier
{
    /// <param name="chain">The chain's name, as the lines carry it.</param>
    /// <param name="entries">The lines, in the order they were stored or exported (by sequence).</param>
    /// <param name="recordedHead">The head the store itself recorded, if any (the export's <c>head</c>): lines cut off the end show against it.</param>
    /// <param name="expectedHash">A head hash noted elsewhere that the chain must end on (or pass through).</param>
    public static AuditVerification Verify(string chain, IReadOnlyList<AuditEntry> entries, AuditHead? recordedHead = null, string? expectedHash = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var positionOfHash = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            positionOfHash.TryAdd(entries[i].Hash, i);
        }

        var head = AuditHead.Empty(chain);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var expected = head.Sequence + 1;
            if (entry.Chain != chain)
            {
                return Fail(i, head, AuditProblem.ForeignLine, entry.Sequence, Messages.AuditForeignLine.Format(entry.Sequence, entry.Chain, chain));
            }

            if (entry.Sequence > expected && entries.Skip(i + 1).Any(e => e.Sequence == expected))
            {
                return Fail(i, head, AuditProblem.Reordered, expected, Messages.AuditSequenceLater.Format(expected, entry.Sequence));
            }

            if (entry.Sequence > expected)
            {
                return Fail(i, head, AuditProblem.Removed, expected, Messages.AuditGap.Format(expected, entry.Sequence));
            }

            if (entry.Sequence < expected)
            {
                return Fail(i, head, AuditProblem.Reordered, entry.Sequence, Messages.AuditSequenceBack.Format(entry.Sequence, head.Sequence));
            }

            if (!string.Equals(entry.PreviousHash, head.Hash, StringComparison.Ordinal))
            {
                if (positionOfHash.TryGetValue(entry.PreviousHash, out var linked) && linked > i)
                {
                    return Fail(i, head, AuditProblem.Reordered, entry.Sequence, Messages.AuditLinksForward.Format(entry.Sequence, entries[linked].Sequence));
                }

                return AuditHash.Of(entry) != entry.Hash
                    ? Fail(i, head, AuditProblem.Edited, entry.Sequence, Messages.AuditEdited.Format(entry.Sequence))
                    : Fail(i, head, AuditProblem.Removed, entry.Sequence, Messages.AuditBrokenLink.Format(entry.Sequence));
            }

            if (!string.Equals(AuditHash.Of(entry), entry.Hash, StringComparison.Ordinal))
            {
                return Fail(i, head, AuditProblem.Edited, entry.Sequence, Messages.AuditEdited.Format(entry.Sequence));
            }

            head = entry.AsHead();
        }

        if (recordedHead is not null && recordedHead.Sequence > head.Sequence)
        {
            return Fail(entries.Count, head, AuditProblem.Removed, head.Sequence + 1, Messages.AuditCutOff.Format(head.Sequence + 1, recordedHead.Sequence));
        }

        if (recordedHead is not null && (recordedHead.Sequence != head.Sequence || !string.Equals(recordedHead.Hash, head.Hash, StringComparison.Ordinal)))
        {
            return Fail(entries.Count, head, AuditProblem.HeadMismatch, head.Sequence, Messages.AuditRecordedHeadMismatch.Format(recordedHead.Sequence, head.Sequence));
        }

        if (!string.IsNullOrWhiteSpace(expectedHash))
        {
            var wanted = expectedHash.Trim().ToLowerInvariant();
            if (!entries.Any(e => e.Hash == wanted) && !(head.IsEmpty && wanted == head.Hash))
            {
                return Fail(entries.Count, head, AuditProblem.HeadMismatch, head.Sequence, Messages.AuditExpectedHeadMissing.Format(wanted));
            }
        }

        return new AuditVerification(entries.Count, head, null, 0, Messages.AuditSound.Format(entries.Count, head.Sequence, head.Hash));
    }

    private static AuditVerification Fail(int checkedCount, AuditHead head, AuditProblem problem, long sequence, string explanation) =>
        new(checkedCount, head, problem, sequence, explanation);
}
