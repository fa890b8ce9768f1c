using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Brands;

public class BrandSettingsValidatorTests
{
    private static readonly BrandName Acme = BrandName.Parse("acme");

    private static IReadOnlyDictionary<string, string[]> Validate(BrandSettingsDraft draft) => BrandSettingsValidator.Validate(Acme, draft, out _);

    private static BrandSettingsDraft Valid() => new()
    {
        DisplayName = "Acme",
        TimeZone = "Europe/Paris",
        Locale = "fr",
        FunnelFocus = "awareness",
        Recipients = ["cmo@acme.example.com"],
        Sender = "reports@acme.example.com",
        TeamRecipients = ["social@acme.example.com"],
        PostingTargets = new Dictionary<string, double> { ["instagram"] = 3, ["blog"] = 5 },
        SeriesRules =
        [
            new SeriesRule { Name = "Tip Tuesday", Hashtag = "#TipTuesday" },
            new SeriesRule { Name = "Behind the Scenes", Prefix = "Behind the Scenes:" },
            new SeriesRule { Name = "Q&A", Pattern = "^Q&A\\b", Channels = ["instagram"] },
        ],
        TeamsWebhookUrl = "https://prod-01.westeurope.logic.azure.com/workflows/abc?sig=secret",
        ReportDayOfMonth = 28,
        ReportTime = "23:59",
        PaperSize = "Letter",
    };

    [Fact]
    public void Validate_CompleteValidDraft_TypedSettingsOnce()
    {
        var draft = Valid();

        Assert.Empty(BrandSettingsValidator.Validate(Acme, draft, out var settings));

        Assert.NotNull(settings);
        Assert.Equal(("Europe/Paris", ReportLocale.French, FunnelFocus.Awareness, PaperSize.Letter, new TimeOnly(23, 59)),
            (settings.Clock.ZoneId, settings.Locale, settings.FunnelFocus, settings.PaperSize, settings.ReportTime));
        Assert.Equal(draft.Recipients, settings.Recipients);
        Assert.Equal(draft.TeamRecipients, settings.TeamRecipients);
        Assert.Equal(draft.PostingTargets, settings.PostingTargets);
        Assert.Equal(draft.SeriesRules, settings.SeriesRules);
        Assert.Equal(draft.TeamsWebhookUrl, settings.TeamsWebhookUrl);
    }

    public static TheoryData<string, Func<int, BrandSettingsDraft>, int> Limits => new()
    {
        { "displayName", n => new BrandSettingsDraft { DisplayName = new string('a', n) }, BrandSettingsValidator.MaxDisplayNameLength },
        { "recipients", n => new BrandSettingsDraft { Recipients = Addresses(n) }, BrandSettingsValidator.MaxRecipients },
        { "teamRecipients", n => new BrandSettingsDraft { TeamRecipients = Addresses(n) }, BrandSettingsValidator.MaxRecipients },
        { "seriesRules", n => new BrandSettingsDraft { SeriesRules = [.. Enumerable.Range(0, n).Select(i => new SeriesRule { Name = $"S{i}", Hashtag = $"#s{i}" })] }, BrandSettingsValidator.MaxSeriesRules },
        { "seriesRules[0].name", n => new BrandSettingsDraft { SeriesRules = [new SeriesRule { Name = new string('a', n), Hashtag = "#a" }] }, BrandSettingsValidator.MaxRuleTextLength },
        { "seriesRules[0].prefix", n => new BrandSettingsDraft { SeriesRules = [new SeriesRule { Name = "A", Prefix = new string('a', n) }] }, BrandSettingsValidator.MaxRuleTextLength },
        { "seriesRules[0].pattern", n => new BrandSettingsDraft { SeriesRules = [new SeriesRule { Name = "A", Pattern = new string('a', n) }] }, BrandSettingsValidator.MaxRuleTextLength },
        { "postingTargets.instagram", n => new BrandSettingsDraft { PostingTargets = new Dictionary<string, double> { ["instagram"] = n } }, (int)BrandSettingsValidator.MaxPostingTarget },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Validate_EachLimit_AcceptsTheMaximumAndNamesTheFieldOneBeyond(string field, Func<int, BrandSettingsDraft> draft, int maximum)
    {
        Assert.Empty(Validate(draft(maximum)));
        Assert.Contains(field, Validate(draft(maximum + 1)).Keys);
    }

    [Fact]
    public void Validate_PostingTargetOfZero_AcceptedAndNegativeRefused()
    {
        Assert.Empty(Validate(new BrandSettingsDraft { PostingTargets = new Dictionary<string, double> { ["instagram"] = 0 } }));
        Assert.Contains("postingTargets.instagram", Validate(new BrandSettingsDraft { PostingTargets = new Dictionary<string, double> { ["instagram"] = -1 } }).Keys);
    }

    private static string[] Addresses(int count) => [.. Enumerable.Range(0, count).Select(i => $"person{i}@acme.example.com")];

    [Fact]
    public void Validate_EmptyDraft_Defaults()
    {
        Assert.Empty(BrandSettingsValidator.Validate(Acme, new BrandSettingsDraft(), out var settings));

        Assert.Equal(BrandSettings.CreateDefault(Acme) with { PostingTargets = settings!.PostingTargets }, settings);
    }

    [Fact]
    public void Validate_Errors_NoSettings()
    {
        Assert.NotEmpty(BrandSettingsValidator.Validate(Acme, Valid() with { Locale = "de" }, out var settings));
        Assert.Null(settings);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("Romance Standard Time")]
    public void Validate_UnknownOrNonIanaTimeZone_NamesTimeZone(string zone)
    {
        var errors = Validate(Valid() with { TimeZone = zone });

        var message = Assert.Single(Assert.Single(errors, e => e.Key == "timeZone").Value);
        Assert.Contains($"'{zone}' is not a known IANA time zone", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadRegex_NamesRuleAndPattern()
    {
        var settings = Valid() with { SeriesRules = [new SeriesRule { Name = "Broken", Pattern = "(unclosed" }] };

        var errors = Validate(settings);

        var message = Assert.Single(errors["seriesRules[0].pattern"]);
        Assert.StartsWith("'(unclosed' is not a valid regular expression:", message, StringComparison.Ordinal);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_BadEmailInRecipients_NamesIndex()
    {
        var settings = Valid() with { Recipients = ["ok@acme.example.com", "not-an-email", "Boss <boss@acme.example.com>"] };

        var errors = Validate(settings);

        Assert.Equal(["'not-an-email' is not an email address."], errors["recipients[1]"]);
        Assert.Equal(["'Boss <boss@acme.example.com>' is not an email address."], errors["recipients[2]"]);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Validate_BadSender_NamesSender()
    {
        var errors = Validate(Valid() with { Sender = "reports@localhost" });

        Assert.Equal(["'reports@localhost' is not an email address."], errors["sender"]);
    }

    [Fact]
    public void Validate_UnknownChannelInTargets_NamesChannel()
    {
        var settings = Valid() with { PostingTargets = new Dictionary<string, double> { ["myspace"] = 2, ["instagram"] = -1 } };

        var errors = Validate(settings);

        Assert.StartsWith("Unknown channel 'myspace'", Assert.Single(errors["postingTargets.myspace"]), StringComparison.Ordinal);
        Assert.StartsWith("Posts per week must be between 0 and 1000 (got -1)", Assert.Single(errors["postingTargets.instagram"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownChannelInRule_NamesRuleChannel()
    {
        var settings = Valid() with { SeriesRules = [new SeriesRule { Name = "Tips", Hashtag = "#tips", Channels = ["instagram", "Twitter"] }] };

        var errors = Validate(settings);

        Assert.StartsWith("Unknown channel 'Twitter'", Assert.Single(errors["seriesRules[0].channels[1]"]), StringComparison.Ordinal);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_RuleWithTwoCriteria_AsksForExactlyOne()
    {
        var settings = Valid() with { SeriesRules = [new SeriesRule { Name = "Tips", Hashtag = "#tips", Prefix = "Tip:" }] };

        Assert.Equal(["Give exactly one of hashtag, prefix or pattern (got 2)."], Validate(settings)["seriesRules[0]"]);
    }

    [Theory]
    [InlineData("#tip tuesday")]
    [InlineData("#tips\n")] // a final newline: .NET's $ would match before it
    public void Validate_HashtagWithSpaceOrNewline_NamesHashtag(string hashtag)
    {
        var settings = Valid() with { SeriesRules = [new SeriesRule { Name = "Tips", Hashtag = hashtag }] };

        Assert.Single(Validate(settings)["seriesRules[0].hashtag"]);
    }

    [Theory]
    [InlineData("locale", "de")]
    [InlineData("funnelFocus", "retention")]
    [InlineData("paperSize", "A3")]
    public void Validate_ValueOutsideClosedSet_ListsAllowedValues(string field, string value)
    {
        var settings = field switch
        {
            "locale" => Valid() with { Locale = value },
            "funnelFocus" => Valid() with { FunnelFocus = value },
            _ => Valid() with { PaperSize = value },
        };

        var message = Assert.Single(Validate(settings)[field]);
        Assert.StartsWith($"'{value}' is not allowed; expected one of ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(28, true)]
    [InlineData(29, false)]
    public void Validate_ReportDayOfMonth_Accepts1To28(int day, bool valid)
    {
        var errors = Validate(Valid() with { ReportDayOfMonth = day });

        Assert.Equal(valid, !errors.ContainsKey("reportDayOfMonth"));
    }

    [Theory]
    [InlineData("07:00", true)]
    [InlineData("00:00", true)]
    [InlineData("24:00", false)]
    [InlineData("7:00", false)]
    [InlineData("07:60", false)]
    [InlineData("07:00:00", false)]
    public void Validate_ReportTime_AcceptsHHmm(string time, bool valid)
    {
        var errors = Validate(Valid() with { ReportTime = time });

        Assert.Equal(valid, !errors.ContainsKey("reportTime"));
    }

    [Theory]
    [InlineData("http://example.com/hook")]
    [InlineData("not a url")]
    [InlineData("/relative/hook")]
    public void Validate_NonHttpsWebhook_RejectedWithoutEchoingIt(string url)
    {
        var message = Assert.Single(Validate(Valid() with { TeamsWebhookUrl = url })["teamsWebhookUrl"]);

        Assert.Equal("Must be an absolute https:// URL (the Teams Workflows webhook address).", message);
    }

}
