using PbPeru.Domain.Common;

namespace PbPeru.Domain.Counting;

/// <summary>A <c>.pb</c> file that cannot be read; the message names the line and the problem.</summary>
public sealed class PabulibFormatException : Exception
{
    public PabulibFormatException(int lineNumber, string problem)
        : base(Messages.PabulibLineProblem.Format(lineNumber, problem))
    {
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>1-based; 0 when the problem is the file as a whole (a missing section).</summary>
    public int LineNumber { get; }

    public string Problem { get; }
}
