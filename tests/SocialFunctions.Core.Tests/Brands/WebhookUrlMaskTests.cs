using SocialFunctions.Core.Brands;

namespace SocialFunctions.Core.Tests.Brands;

public class WebhookUrlMaskTests
{
    private const string Url = "https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=secret";

    [Fact]
    public void Mask_Url_ShowsSchemeAndHostOnly()
    {
        Assert.Equal("https://prod-01.westeurope.logic.azure.com…", WebhookUrlMask.Mask(Url));
    }

    [Fact]
    public void Mask_Null_IsNull()
    {
        Assert.Null(WebhookUrlMask.Mask(null));
    }

    [Fact]
    public void IsMaskOf_MaskOfStoredUrl_True()
    {
        Assert.True(WebhookUrlMask.IsMaskOf("https://prod-01.westeurope.logic.azure.com…", Url));
    }

    [Theory]
    [InlineData("https://other.example.com…")]
    [InlineData("https://prod-01.westeurope.logic.azure.com")]
    [InlineData(null)]
    public void IsMaskOf_AnythingElse_False(string? value)
    {
        Assert.False(WebhookUrlMask.IsMaskOf(value, Url));
    }
}
