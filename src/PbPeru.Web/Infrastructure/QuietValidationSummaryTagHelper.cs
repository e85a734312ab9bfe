using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// Takes out the empty placeholder item (<c>&lt;li style="display:none"&gt;</c>) that ASP.NET Core's
/// validation summary writes when there is nothing to say: the content security policy allows no
/// inline style, so the browser would refuse the attribute and report it on every form. The summary
/// itself is hidden by the stylesheet while it is empty (<c>.validation-summary-valid</c>).
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class QuietValidationSummaryTagHelper : TagHelper
{
    private const string HiddenItem = "<li style=\"display:none\"></li>";

    /// <summary>After the framework's own validation summary tag helper has written the list.</summary>
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var list = output.PostContent.GetContent();
        if (list.Contains(HiddenItem, StringComparison.Ordinal))
        {
            output.PostContent.SetHtmlContent(list.Replace(HiddenItem, string.Empty, StringComparison.Ordinal));
        }
    }
}
