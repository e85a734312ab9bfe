using System.Reflection;
using System.Text.RegularExpressions;
using PbPeru.Domain.Common;

namespace PbPeru.Domain.Tests;

[Trait("Capability", "Foundation")]
public sealed partial class MessagesTests
{
    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    public static TheoryData<string> AllMessages()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(Messages).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Text)))
        {
            data.Add(field.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllMessages))]
    public void EveryMessage_HasSpanishAndEnglishWithTheSamePlaceholders(string name)
    {
        var text = (Text)typeof(Messages).GetField(name)!.GetValue(null)!;

        Assert.False(string.IsNullOrWhiteSpace(text.Es));
        Assert.False(string.IsNullOrWhiteSpace(text.En));
        Assert.NotEqual(text.Es, text.En);
        Assert.Equal(
            Placeholder().Matches(text.Es).Select(m => m.Value).Order(),
            Placeholder().Matches(text.En).Select(m => m.Value).Order());
    }
}
