namespace PbPeru.Domain.Common;

/// <summary>
/// The one exception the domain throws when a user asks for something the rules do not allow.
/// Its message is meant for the person who asked, in their language.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message)
    {
    }

    public DomainException(IReadOnlyList<string> reasons)
        : base(string.Join(" ", reasons))
    {
        Reasons = reasons;
    }

    /// <summary>Every reason, when a rule fails for several at once (a phase gate, say).</summary>
    public IReadOnlyList<string> Reasons { get; } = [];
}
