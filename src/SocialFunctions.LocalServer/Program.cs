using SocialFunctions.LocalServer;

var app = LocalServerApp.Build(args);
await app.RunAsync();
