using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace NatFunctions.Infrastructure.Leases;

/// <summary>
/// An Azure Blob lease per router (blob <c>routers/&lt;name&gt;</c> in the lease container), renewed while held so a
/// long commit keeps it, and left to expire when the holder dies. Callers in this process queue on an in-process
/// lease first, so only one of them polls the blob.
/// </summary>
public sealed class BlobRouterLease(
    BlobContainerClient container,
    TimeSpan leaseDuration,
    TimeProvider timeProvider,
    ILogger<BlobRouterLease> logger) : IRouterLease
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(2);

    private readonly InProcessRouterLease local = new();
    private readonly SemaphoreSlim containerCreation = new(1, 1);
    private volatile bool containerExists;

    public async Task<IAsyncDisposable?> AcquireAsync(string router, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + timeout;
        var localLease = await local.AcquireAsync(router, timeout, cancellationToken).ConfigureAwait(false);
        if (localLease is null) return null;

        try
        {
            var blob = container.GetBlobClient("routers/" + router.ToLowerInvariant());
            await EnsureBlobAsync(blob, cancellationToken).ConfigureAwait(false);
            var leaseClient = blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
            var delay = FirstRetryDelay;
            while (true)
            {
                try
                {
                    await leaseClient.AcquireAsync(leaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return new Held(leaseClient, localLease, leaseDuration, timeProvider, logger, router);
                }
                catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
                {
                    var left = deadline - timeProvider.GetUtcNow();
                    if (left <= TimeSpan.Zero)
                    {
                        await localLease.DisposeAsync().ConfigureAwait(false);
                        return null;
                    }

                    await Task.Delay(left < delay ? left : delay, timeProvider, cancellationToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
                }
            }
        }
        catch
        {
            await localLease.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task EnsureBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        if (!containerExists)
        {
            await containerCreation.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!containerExists)
                {
                    await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    containerExists = true;
                }
            }
            finally
            {
                containerCreation.Release();
            }
        }

        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            // The blob exists already (and may be leased right now); that is all we need.
        }
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient leaseClient;
        private readonly IAsyncDisposable localLease;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewal;
        private readonly ILogger logger;
        private readonly string router;
        private int released;

        public Held(BlobLeaseClient leaseClient, IAsyncDisposable localLease, TimeSpan duration, TimeProvider timeProvider, ILogger logger, string router)
        {
            this.leaseClient = leaseClient;
            this.localLease = localLease;
            this.logger = logger;
            this.router = router;
            renewal = RenewAsync(duration / 3, timeProvider, stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) != 0) return;
            await stop.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            try
            {
                await leaseClient.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException exception)
            {
                // Expired or broken already: the next holder does not need our release.
                logger.LogWarning(exception, "Releasing the lease of router {Router} failed", router);
            }
            finally
            {
                stop.Dispose();
                await localLease.DisposeAsync().ConfigureAwait(false);
            }
        }

        private async Task RenewAsync(TimeSpan interval, TimeProvider timeProvider, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
                    await leaseClient.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (RequestFailedException exception)
                {
                    // Keep trying: a renewal that fails for a while can still succeed before the lease runs out.
                    logger.LogError(exception, "Renewing the lease of router {Router} failed", router);
                }
            }
        }
    }
}
