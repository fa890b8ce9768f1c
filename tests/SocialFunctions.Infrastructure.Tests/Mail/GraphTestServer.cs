using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
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
        RetryDelay = TimeSpan.Zero,
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public static GraphMailSender Sender(RecordingHttpServer server, GraphMailOptions? options = null, TimeProvider? time = null, ILogger<GraphMailSender>? logger = null)
    {
        options ??= Options(server);
        // Never the wall clock: retry delays and Retry-After waits run on fake time (zero delays need no advancing).
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        // Anonymous: the stand-in needs no token; the SDK's middleware and our Polly pipeline stay as in production.
        var graph = GraphMailSender.CreateClient(options, new AnonymousAuthenticationProvider(), time);
        return new GraphMailSender(graph, GraphMailSender.CreateUploadClient(options, time), Microsoft.Extensions.Options.Options.Create(options), time, logger ?? NullLogger<GraphMailSender>.Instance);
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
