using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Applying;

namespace NatFunctions.Infrastructure.Leases;

/// <summary>
/// An Azure Blob lease per router (blob <c>routers/&lt;name&gt;</c> in the lease container), renewed while held so a
/// long commit keeps it, and left to expire when the holder dies. Callers in this process queue on an in-process
/// lease first, so only one of them polls the blob.
/// </summary>
public sealed partial class BlobRouterLease(
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

    public async Task<IHeldRouterLease?> AcquireAsync(string router, TimeSpan timeout, CancellationToken cancellationToken)
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

    private sealed partial class Held : IHeldRouterLease
    {
        // A check before commit must not hold the session up for the storage client's whole retry budget.
        private static readonly TimeSpan StoreCallLimit = TimeSpan.FromSeconds(10);

        private readonly BlobLeaseClient leaseClient;
        private readonly IAsyncDisposable localLease;
        private readonly TimeSpan duration;
        private readonly TimeProvider timeProvider;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewal;
        private readonly ILogger logger;
        private readonly string router;
        private long lastRenewedTicks;
        private int released;
        private volatile bool lost;

        public Held(BlobLeaseClient leaseClient, IAsyncDisposable localLease, TimeSpan duration, TimeProvider timeProvider, ILogger logger, string router)
        {
            this.leaseClient = leaseClient;
            this.localLease = localLease;
            this.duration = duration;
            this.timeProvider = timeProvider;
            this.logger = logger;
            this.router = router;
            lastRenewedTicks = timeProvider.GetUtcNow().UtcTicks;
            renewal = RenewAsync(duration / 3, stop.Token);
        }

        public async Task<bool> ConfirmHeldAsync(CancellationToken cancellationToken)
        {
            if (lost || Volatile.Read(ref released) != 0) return false;
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(StoreCallLimit);
            try
            {
                return await TryRenewAsync(bounded.Token).ConfigureAwait(false) && !lost;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogUnconfirmed(logger, router, $"no answer within {StoreCallLimit.TotalSeconds} s");
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) != 0) return;
            try
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await renewal.ConfigureAwait(false);
                if (!lost)
                {
                    using var bounded = new CancellationTokenSource(StoreCallLimit);
                    await leaseClient.ReleaseAsync(cancellationToken: bounded.Token).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                // Expired, broken, or the store (or the identity to reach it) is down: the blob lease then runs out
                // on its own. Whatever happened, the in-process lock below is released.
                LogReleaseFailed(logger, exception, router);
            }
            finally
            {
                stop.Dispose();
                await localLease.DisposeAsync().ConfigureAwait(false);
            }
        }

        private async Task RenewAsync(TimeSpan interval, CancellationToken cancellationToken)
        {
            while (!lost)
            {
                try
                {
                    await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
                    await TryRenewAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        /// <summary>
        /// True when the store renewed the lease. A conflict means another holder or a break: lost for good. Any
        /// other failure (a storage error, an <c>AggregateException</c> after the client's retries, an
        /// <c>AuthenticationFailedException</c> from the managed identity) is retried by the renewal loop until
        /// the lease would have run out since the last renewal.
        /// </summary>
        private async Task<bool> TryRenewAsync(CancellationToken cancellationToken)
        {
            try
            {
                await leaseClient.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                Interlocked.Exchange(ref lastRenewedTicks, timeProvider.GetUtcNow().UtcTicks);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
            {
                MarkLost(exception.ErrorCode ?? exception.Message);
                return false;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var sinceRenewal = timeProvider.GetUtcNow().UtcTicks - Interlocked.Read(ref lastRenewedTicks);
                LogRenewalFailed(logger, exception, router);
                if (sinceRenewal >= duration.Ticks) MarkLost($"not renewed for {duration.TotalSeconds} s: {exception.GetType().Name}");
                return false;
            }
        }

        private void MarkLost(string reason)
        {
            if (lost) return;
            lost = true;
            LogLost(logger, router, reason);
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Router {Router}: this instance lost the router's lease ({Reason}); its session stops before commit, confirm or save")]
        private static partial void LogLost(ILogger logger, string router, string reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "Router {Router}: renewing the lease failed")]
        private static partial void LogRenewalFailed(ILogger logger, Exception exception, string router);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Router {Router}: could not confirm the lease is still held ({Reason})")]
        private static partial void LogUnconfirmed(ILogger logger, string router, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Router {Router}: releasing the lease failed; it runs out on its own")]
        private static partial void LogReleaseFailed(ILogger logger, Exception exception, string router);
    }
}
