using Microsoft.AspNetCore.Http.HttpResults;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Functions.Http;

namespace SocialFunctions.Functions.Brands;

/// <summary>
/// Writing series rules against the brand's own posts: <c>POST …/series/preview</c> (which stored posts each draft rule
/// takes) and <c>GET …/series/suggestions</c> (recurring hashtags and title prefixes no saved rule covers).
/// </summary>
internal sealed class SeriesRuleFunctions(SeriesRuleAssistant assistant, JsonBody json)
{
    /// <summary>
    /// <c>POST /api/brands/{brand}/series/preview</c> with <c>{"seriesRules":[…]}</c>: per rule, the posts it would take.
    /// A rule that is not valid yet (half typed) is answered with its problems and takes nothing, so a form can preview
    /// while the user types; a body that is not that JSON is a 400.
    /// </summary>
    [Function("PreviewSeriesRules")]
    public async Task<Results<Ok<SeriesRulePreviewResponse>, ProblemHttpResult>> PreviewAsync(
        [HttpTrigger(ApiAccess.HostLevel, "post", Route = "api/brands/{brand}/series/preview")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return Problems.InvalidBrand(brand);
        }

        var (body, unreadable) = await json.ReadAsync<BrandSettingsDraft>(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (body?.SeriesRules is not { } rules)
        {
            return Problems.BadRequest("Missing rules.", "Send {\"seriesRules\":[…]} with the rules to preview, as in the brand settings.");
        }

        if (rules.Count > BrandSettingsValidator.MaxSeriesRules)
        {
            return Problems.BadRequest("Too many rules.", $"Preview at most {BrandSettingsValidator.MaxSeriesRules} rules (got {rules.Count}).");
        }

        // The settings validator is the one judge of a rule; its keys are seriesRules[i] and seriesRules[i].field.
        var errors = BrandSettingsValidator.Validate(name, new BrandSettingsDraft { SeriesRules = rules }, out _);
        var problems = new Dictionary<int, List<string>>();
        foreach (var (key, messages) in errors)
        {
            if (RuleIndex(key) is { } index)
            {
                problems.TryAdd(index, []);
                problems[index].AddRange(messages);
            }
        }

        var safe = rules.Select(r => r ?? new SeriesRule { Name = "" }).ToList();
        var preview = await assistant.PreviewAsync(name, safe, problems.Keys.ToHashSet(), cancellationToken);
        return TypedResults.Ok(new SeriesRulePreviewResponse(
            preview.From,
            preview.To,
            preview.PostsScanned,
            preview.Unmatched,
            [.. preview.Rules.Select(r => new SeriesRulePreviewItem(r.Index, r.Name, r.Posts, r.Channels, r.Examples, problems.TryGetValue(r.Index, out var p) ? p : []))]));
    }

    /// <summary><c>GET /api/brands/{brand}/series/suggestions</c>: candidate series for rules, most used first.</summary>
    [Function("ListSeriesSuggestions")]
    public async Task<Results<Ok<SeriesSuggestionsResponse>, ProblemHttpResult>> SuggestAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/brands/{brand}/series/suggestions")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return Problems.InvalidBrand(brand);
        }

        return TypedResults.Ok(new SeriesSuggestionsResponse(await assistant.SuggestAsync(name, cancellationToken)));
    }

    private static int? RuleIndex(string key)
    {
        const string Prefix = "seriesRules[";
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = key.IndexOf(']', Prefix.Length);
        return end > 0 && int.TryParse(key.AsSpan(Prefix.Length, end - Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : null;
    }
}

/// <summary>The body of <c>POST …/series/preview</c>: the window read, and per rule what it takes and what is wrong with it.</summary>
internal sealed record SeriesRulePreviewResponse(DateTimeOffset From, DateTimeOffset To, int PostsScanned, int Unmatched, IReadOnlyList<SeriesRulePreviewItem> Rules);

/// <summary>One rule of a preview; <c>problems</c> is empty for a valid rule (an invalid one takes no post).</summary>
internal sealed record SeriesRulePreviewItem(int Index, string Name, int Posts, IReadOnlyDictionary<string, int> Channels, IReadOnlyList<PostExample> Examples, IReadOnlyList<string> Problems);

/// <summary>The body of <c>GET …/series/suggestions</c>.</summary>
internal sealed record SeriesSuggestionsResponse(IReadOnlyList<Core.Reporting.SeriesSuggestion> Suggestions);
