using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PbPeru.Web.Tests.Infrastructure;

/// <summary>
/// Submits a form the way a browser would: GET the page, take the form's own values (hidden
/// fields, antiforgery token, checked boxes, selected options), change the given fields, POST to
/// the form's action.
/// </summary>
public static class FormSubmission
{
    public static async Task<HttpResponseMessage> SubmitAsync(
        this AppClient client, string pageUrl, string formSelector, params (string Name, string Value)[] changes)
    {
        var page = await client.GetPageAsync(pageUrl);
        return await client.SubmitAsync(page, formSelector, changes);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(
        this AppClient client, IDocument page, string formSelector, params (string Name, string Value)[] changes)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var values = CurrentValues(form);
        foreach (var name in changes.Select(c => c.Name).Distinct())
        {
            values.RemoveAll(v => v.Key == name);
        }

        values.AddRange(changes.Select(c => KeyValuePair.Create(c.Name, c.Value)));
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
        using var content = new FormUrlEncodedContent(values);
        return await client.Http.PostAsync(target, content);
    }

    /// <summary>
    /// POSTs <paramref name="fields"/> to <paramref name="postUrl"/> with an antiforgery token taken
    /// from <paramref name="tokenPageUrl"/>: for a request no form on the page offers (a forged or
    /// stale submit).
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(
        this AppClient client, string tokenPageUrl, string postUrl, params (string Name, string Value)[] fields)
    {
        var page = await client.GetPageAsync(tokenPageUrl);
        var token = (page.QuerySelector($"input[name='{AppClient.AntiforgeryField}']") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPageUrl}.");
        var values = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create(AppClient.AntiforgeryField, token));
        using var content = new FormUrlEncodedContent(values);
        return await client.Http.PostAsync(postUrl, content);
    }

    /// <summary>The name/value pairs the form would send as it stands.</summary>
    public static List<KeyValuePair<string, string>> CurrentValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled") || element.Closest("fieldset[disabled]") is not null)
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        values.Add(KeyValuePair.Create(name, box.Value));
                    }

                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "file" }:
                    break;
                case IHtmlInputElement input:
                    values.Add(KeyValuePair.Create(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        values.Add(KeyValuePair.Create(name, option.Value));
                    }

                    break;
                case IHtmlTextAreaElement area:
                    values.Add(KeyValuePair.Create(name, area.Value));
                    break;
            }
        }

        return values;
    }
}
