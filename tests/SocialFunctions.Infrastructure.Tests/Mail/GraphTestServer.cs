using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Mail;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Mail;

/// <summary>A <see cref="GraphMailSender"/> wired to a <see cref="RecordingHttpServer"/> standing in for Graph.</summary>
internal static class GraphTestServer
{
    public static GraphMailOptions Options(RecordingHttpServer server) => new()
    {
        BaseUrl = new Uri(server.BaseAddress, "v1.0").ToString(),
        SentItemsCheckDelay = TimeSpan.Zero,
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public static GraphMailSender Sender(RecordingHttpServer server, GraphMailOptions? options = null)
    {
        options ??= Options(server);

        // Anonymous: the stub needs no token, and the real middleware (retry handler included) stays in the pipeline.
        var graph = GraphMailSender.CreateClient(options, new AnonymousAuthenticationProvider());
        return new GraphMailSender(graph, new HttpClient { Timeout = options.RequestTimeout }, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<GraphMailSender>.Instance);
    }

    public static OutgoingMail TestMail(int attachmentBytes = 1000, bool mayHaveBeenSent = false) => new()
    {
        From = "reports@contoso.com",
        To = ["cmo@contoso.com", "ceo@contoso.com"],
        Subject = "Contoso: social media report, October 2026",
        HtmlBody = "<p>Hello</p>",
        Attachments = [new MailAttachment("contoso-2026-10.pdf", "application/pdf", Pattern(attachmentBytes))],
        Tag = "contoso/2026-10/0",
        MayHaveBeenSent = mayHaveBeenSent,
    };

    public static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }

        return bytes;
    }

    public static bool IsSendMail(RecordedRequest r) => r.Method == "POST" && r.PathAndQuery.EndsWith("/sendMail", StringComparison.Ordinal);

    public static bool IsSentItemsQuery(RecordedRequest r) => r.Method == "GET" && r.PathAndQuery.Contains("/mailFolders/sentitems/messages", StringComparison.Ordinal);

    public static ScriptedResponse Accepted => ScriptedResponse.Empty(HttpStatusCode.Accepted);

    public static ScriptedResponse SentItems(params string[] ids) =>
        ScriptedResponse.Json(HttpStatusCode.OK, "{\"value\":[" + string.Join(',', ids.Select(id => $"{{\"id\":\"{id}\"}}")) + "]}");
}
