namespace PbPeru.Web.Data;

/// <summary>A message for one person in the app (an organization told of its review, say).</summary>
public sealed class Notification
{
    public const int MaxTextLength = 1000;

    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Text { get; set; }

    /// <summary>A local path to the page the message is about.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
