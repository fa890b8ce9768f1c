using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.LocalServer.Catalog;
using SocialFunctions.LocalServer.Invocation;
using SocialFunctions.LocalServer.Tests.Catalog;

namespace SocialFunctions.LocalServer.Tests.Invocation;

public sealed class FunctionInvokerTests
{
    private static readonly IReadOnlyList<FunctionDeclaration> Samples = FunctionCatalog.Read([typeof(SampleFunctions)]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvokeAsync_HttpFunction_BindsRouteValuesByNameConvertsThemAndAwaitsTheValueTask()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var context = new DefaultHttpContext();
        context.Request.RouteValues["id"] = "41";
        context.Request.RouteValues["slug"] = "latte-art";
        using var cancellation = new CancellationTokenSource();

        var result = await new FunctionInvoker(services).InvokeAsync(Samples.Single(f => f.Name == "Item"), new InvocationInput(Http: context), cancellation.Token);

        var text = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult>(result);
        Assert.Equal("42:latte-art:True", text.ResponseContent);
    }

    [Fact]
    public async Task InvokeAsync_QueueMessageOfAnotherShape_FailsTheInvocation()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var orders = Samples.Single(f => f.Name == "Orders");

        await new FunctionInvoker(services).InvokeAsync(orders, new InvocationInput(QueueMessage: """{"ID":"o-1"}"""), Ct);
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(
            () => new FunctionInvoker(services).InvokeAsync(orders, new InvocationInput(QueueMessage: "o-1"), Ct));
    }

    [Theory]
    [InlineData("WantsContext", "parameter 'context' (FunctionContext)")]
    [InlineData("ActionResult", "HTTP functions return an IResult")]
    public void EnsureSupported_WhatTheLocalServerCannotRun_ThrowsNamingTheFunction(string name, string reason)
    {
        var function = FunctionCatalog.Read([typeof(UnbindableFunctions)]).Single(f => f.Name == name);

        var error = Assert.Throws<NotSupportedException>(() => FunctionInvoker.EnsureSupported(function));

        Assert.StartsWith($"Function {name}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
