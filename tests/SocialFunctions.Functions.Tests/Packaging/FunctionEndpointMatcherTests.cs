namespace SocialFunctions.Host.Tests.Packaging;

public sealed class FunctionEndpointMatcherTests
{
    private static readonly FunctionManifest IngestExport = Http("IngestExport", "brands/{brand}/exports", "post");

    private static readonly FunctionManifest GetReport = Http("GetReport", "brands/{brand}/reports/{report}", "get");

    private static readonly FunctionManifest BrandSettings = Http("BrandSettings", "brands/{brand}", "get", "put");

    private static readonly FunctionManifest RenderBrandReport = new(
        "RenderBrandReport",
        [new FunctionBinding("queueTrigger", "in", "message", null, [], null, "report-requests", "AzureWebJobsStorage", null)]);

    [Fact]
    public void FindUnservedFunctions_EveryRouteAndMethodMapped_ReturnsNothing()
    {
        HandlerEndpoint[] endpoints =
        [
            new("/api/brands/{brand}/exports", ["POST"]),
            new("/api/brands/{brand:minlength(1)}", ["GET", "PUT"]),
            new("/RenderBrandReport", ["POST"]),
        ];

        var problems = FunctionEndpointMatcher.FindUnservedFunctions([IngestExport, BrandSettings, RenderBrandReport], endpoints, "api");

        Assert.Empty(problems);
    }

    [Fact]
    public void FindUnservedFunctions_OneMethodMissing_NamesTheFunctionMethodAndPath()
    {
        HandlerEndpoint[] endpoints = [new("/api/brands/{brand}", ["GET"])];

        var problems = FunctionEndpointMatcher.FindUnservedFunctions([BrandSettings], endpoints, "api");

        Assert.Equal(["BrandSettings: the host calls PUT /api/brands/{brand} but the handler maps no such endpoint"], problems);
    }

    [Fact]
    public void FindUnservedFunctions_ReportFormatVariants_ServeTheReportParameter()
    {
        HandlerEndpoint[] endpoints = [new("/api/brands/{brand}/reports/{month}.pdf", ["GET"]), new("/api/brands/{brand}/reports/{month}.json", ["GET"])];

        var problems = FunctionEndpointMatcher.FindUnservedFunctions([GetReport], endpoints, "api");

        Assert.Empty(problems);
    }

    [Fact]
    public void FindUnservedFunctions_LiteralWhereFunctionHasParameter_IsUnserved()
    {
        HandlerEndpoint[] endpoints = [new("/api/brands/acme/exports", ["POST"])];

        var problems = FunctionEndpointMatcher.FindUnservedFunctions([IngestExport], endpoints, "api");

        Assert.Equal(["IngestExport: the host calls POST /api/brands/{brand}/exports but the handler maps no such endpoint"], problems);
    }

    [Fact]
    public void FindUnservedFunctions_RouteWithoutPrefix_IsUnserved()
    {
        HandlerEndpoint[] endpoints = [new("/brands/{brand}/exports", ["POST"])];

        var problems = FunctionEndpointMatcher.FindUnservedFunctions([IngestExport], endpoints, "api");

        Assert.Single(problems);
    }

    [Fact]
    public void FindUnservedFunctions_QueueFunctionWithoutInvocationEndpoint_AsksForPostByFunctionName()
    {
        HandlerEndpoint[] endpoints = [new("/RenderBrandReport", ["GET"])];

        var problems = FunctionEndpointMatcher.FindUnservedFunctions([RenderBrandReport], endpoints, "api");

        Assert.Equal(["RenderBrandReport: the host calls POST /RenderBrandReport but the handler maps no such endpoint"], problems);
    }

    [Fact]
    public void FindUnservedFunctions_HandlerEndpointWithoutMethods_ServesEveryMethod()
    {
        HandlerEndpoint[] endpoints = [new("api/brands/{brand}", [])];

        var problems = FunctionEndpointMatcher.FindUnservedFunctions([BrandSettings], endpoints, "api");

        Assert.Empty(problems);
    }

    [Fact]
    public void FindUnreachableEndpoints_ApiRouteNoFunctionRoutes_IsReported()
    {
        HandlerEndpoint[] endpoints = [new("/api/brands/{brand}/exports", ["POST"]), new("/api/brands/{brand}/exports", ["DELETE"])];

        var problems = FunctionEndpointMatcher.FindUnreachableEndpoints([IngestExport], endpoints, "api");

        Assert.Equal(["DELETE /api/brands/{brand}/exports: mapped by the handler but no function.json routes requests to it"], problems);
    }

    [Fact]
    public void FindUnreachableEndpoints_LiteralVariantUnderFunctionParameter_IsReachable()
    {
        HandlerEndpoint[] endpoints = [new("/api/brands/{brand}/reports/latest.pdf", ["GET"])];

        var problems = FunctionEndpointMatcher.FindUnreachableEndpoints([GetReport], endpoints, "api");

        Assert.Empty(problems);
    }

    [Fact]
    public void FindUnreachableEndpoints_ReadinessRootAndInvocationOfKnownFunction_AreNotReported()
    {
        HandlerEndpoint[] endpoints = [new("/", ["GET"]), new("/RenderBrandReport", ["POST"])];

        var problems = FunctionEndpointMatcher.FindUnreachableEndpoints([RenderBrandReport], endpoints, "api");

        Assert.Empty(problems);
    }

    [Fact]
    public void FindUnreachableEndpoints_InvocationOfUnknownFunction_IsReported()
    {
        HandlerEndpoint[] endpoints = [new("/MonthlyReport", ["POST"])];

        var problems = FunctionEndpointMatcher.FindUnreachableEndpoints([RenderBrandReport], endpoints, "api");

        Assert.Equal(["POST /MonthlyReport: mapped by the handler but no function.json routes requests to it"], problems);
    }

    [Theory]
    [InlineData("/api/health", "/api/{*rest}", true)]
    [InlineData("/api/brands/{brand}", "/API/Brands/{id}", true)]
    [InlineData("/api/brands/{brand}/series", "/api/brands/{brand}", false)]
    [InlineData("/api/brands/{brand}", "/api/brands/{brand}/series", false)]
    [InlineData("/api/{name}", "/api/{name}.pdf", true)]
    public void Serves_RouteTemplates_ComparesSegmentBySegment(string functionRoute, string handlerRoute, bool expected)
    {
        Assert.Equal(expected, HandlerRoutes.Serves(handlerRoute, functionRoute));
    }

    [Theory]
    [InlineData("/api/brands/{brand}/reports/{report}", "/api/brands/{brand}/reports/2026-01.pdf", true)]
    [InlineData("/api/health", "/api/{name}.pdf", false)]
    [InlineData("/api/health.pdf", "/api/{name}.pdf", true)]
    public void Reaches_LiteralAndParameterSegments_AcceptsWhatTheParameterAccepts(string functionRoute, string handlerRoute, bool expected)
    {
        Assert.Equal(expected, HandlerRoutes.Reaches(functionRoute, handlerRoute));
    }

    private static FunctionManifest Http(string name, string route, params string[] methods) => new(
        name,
        [
            new FunctionBinding("httpTrigger", "in", "req", route, methods, "function", null, null, null),
            new FunctionBinding("http", "out", "res", null, [], null, null, null, null),
        ]);
}
