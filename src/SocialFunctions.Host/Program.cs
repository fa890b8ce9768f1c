using SocialFunctions.Host;

var app = HandlerApp.Build(args);
await app.RunAsync();

/// <summary>Exposed for tests that start the handler in-process.</summary>
public partial class Program;
