using System.Net.Sockets;
using Azure;
using SocialFunctions.Infrastructure.Storage;

namespace SocialFunctions.Infrastructure.Tests.Storage;

/// <summary>
/// What an HTTP function answers 503 (try again later) for and what it lets through as a bug or bad input: the line
/// between "storage is down" and "this request is wrong" that the fault tests rely on.
/// </summary>
public sealed class StorageFaultsTests
{
    [Theory]
    [InlineData(0)] // no answer at all (the SDK's status for a transport failure)
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(504)]
    public void IsUnavailable_ServiceAnswersBusyOrFailing_True(int status) =>
        Assert.True(StorageFaults.IsUnavailable(new RequestFailedException(status, "busy"), CancellationToken.None));

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(499)]
    public void IsUnavailable_ServiceRefusesTheRequest_False(int status) =>
        Assert.False(StorageFaults.IsUnavailable(new RequestFailedException(status, "refused"), CancellationToken.None));

    [Fact]
    public void IsUnavailable_RowsKeptChanging_True() =>
        Assert.True(StorageFaults.IsUnavailable(new StorageContentionException("contention"), CancellationToken.None));

    [Fact]
    public void IsUnavailable_TimedOutWhileTheCallerWaits_True() =>
        Assert.True(StorageFaults.IsUnavailable(new OperationCanceledException(), CancellationToken.None));

    [Fact]
    public void IsUnavailable_CallerWentAway_False()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();

        Assert.False(StorageFaults.IsUnavailable(new OperationCanceledException(gone.Token), gone.Token));
        Assert.False(StorageFaults.IsUnavailable(new TaskCanceledException(), gone.Token));
    }

    [Fact]
    public void IsUnavailable_TransportFailures_True()
    {
        Assert.True(StorageFaults.IsUnavailable(new IOException("reset"), CancellationToken.None));
        Assert.True(StorageFaults.IsUnavailable(new SocketException((int)SocketError.ConnectionRefused), CancellationToken.None));
        Assert.True(StorageFaults.IsUnavailable(new HttpRequestException("refused"), CancellationToken.None));
    }

    [Fact]
    public void IsUnavailable_EveryRetryFailedOnTheService_True() =>
        Assert.True(StorageFaults.IsUnavailable(
            new AggregateException(new RequestFailedException(503, "a"), new HttpRequestException("b"), new RequestFailedException(500, "c")),
            CancellationToken.None));

    [Fact]
    public void IsUnavailable_OneAttemptRefusedAsBadRequest_False() =>
        Assert.False(StorageFaults.IsUnavailable(
            new AggregateException(new RequestFailedException(503, "a"), new RequestFailedException(400, "bad")),
            CancellationToken.None));

    [Fact]
    public void IsUnavailable_EmptyAggregate_False() =>
        Assert.False(StorageFaults.IsUnavailable(new AggregateException(), CancellationToken.None));

    [Fact]
    public void IsUnavailable_WrappedOutage_LooksInside()
    {
        Assert.True(StorageFaults.IsUnavailable(new InvalidOperationException("wrapped", new RequestFailedException(503, "busy")), CancellationToken.None));
        Assert.False(StorageFaults.IsUnavailable(new InvalidOperationException("wrapped", new RequestFailedException(404, "gone")), CancellationToken.None));
    }

    [Fact]
    public void IsUnavailable_ABug_False()
    {
        Assert.False(StorageFaults.IsUnavailable(new InvalidOperationException("bug"), CancellationToken.None));
        Assert.False(StorageFaults.IsUnavailable(new FormatException("bad input"), CancellationToken.None));
    }
}
