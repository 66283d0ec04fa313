using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Infrastructure.Leases;

namespace NatFunctions.IntegrationTests.Leases;

/// <summary>The router lease against a real Azurite. Azure's shortest lease is 15 s, so expiry tests take that long.</summary>
public sealed class BlobRouterLeaseTests : IDisposable
{
    private static readonly TimeSpan ShortestLease = TimeSpan.FromSeconds(15);
    private readonly AzuriteProcess azurite = new();
    private readonly BlobContainerClient container;

    public BlobRouterLeaseTests()
    {
        container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("leases");
    }

    public void Dispose() => azurite.Dispose();

    [Fact]
    public async Task Two_holders_exclude_each_other_and_the_second_gets_it_once_the_first_releases()
    {
        // Two instances of the app: separate lease objects, so the in-process gate does not help.
        var first = Lease();
        var second = Lease();

        var held = await first.AcquireAsync("edge", TimeSpan.FromSeconds(5), CancellationToken.None);
        var refused = await second.AcquireAsync("edge", TimeSpan.FromSeconds(2), CancellationToken.None);
        var otherRouter = await second.AcquireAsync("core", TimeSpan.FromSeconds(2), CancellationToken.None);
        var waiting = second.AcquireAsync("edge", TimeSpan.FromSeconds(20), CancellationToken.None);
        await held!.DisposeAsync();
        var handedOver = await waiting;

        Assert.NotNull(held);
        Assert.Null(refused);
        Assert.NotNull(otherRouter);
        Assert.NotNull(handedOver);
        await handedOver!.DisposeAsync();
        await otherRouter!.DisposeAsync();
    }

    [Fact]
    public async Task A_lease_whose_holder_died_expires_and_can_then_be_taken()
    {
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("routers/edge");
        await blob.UploadAsync(BinaryData.Empty, overwrite: true);
        // A holder that took the lease and then vanished without renewing or releasing it.
        await blob.GetBlobLeaseClient().AcquireAsync(ShortestLease);

        var tooSoon = await Lease().AcquireAsync("edge", TimeSpan.FromSeconds(3), CancellationToken.None);
        var afterExpiry = await Lease().AcquireAsync("edge", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Null(tooSoon);
        Assert.NotNull(afterExpiry);
        await afterExpiry!.DisposeAsync();
    }

    [Fact]
    public async Task Renewal_keeps_the_lease_past_its_duration_and_release_frees_it()
    {
        var held = await Lease().AcquireAsync("edge", TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.NotNull(held);

        await Task.Delay(ShortestLease + TimeSpan.FromSeconds(5));
        var blob = container.GetBlobClient("routers/edge");
        var stolen = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetBlobLeaseClient().AcquireAsync(ShortestLease));
        await held!.DisposeAsync();
        var afterRelease = await blob.GetBlobLeaseClient().AcquireAsync(ShortestLease);

        Assert.Equal(409, stolen.Status);
        Assert.Equal(Azure.Storage.Blobs.Models.LeaseStatus.Locked, (await blob.GetPropertiesAsync()).Value.LeaseStatus);
        Assert.NotNull(afterRelease.Value.LeaseId);
    }

    [Fact]
    public async Task A_broken_lease_is_no_longer_confirmed_and_is_free_for_the_next_holder()
    {
        var held = await Lease().AcquireAsync("edge", TimeSpan.FromSeconds(5), CancellationToken.None);
        var confirmedBefore = await held!.ConfirmHeldAsync(CancellationToken.None);
        // Another instance (or an operator) breaks the lease, as a takeover after a long stall would.
        await container.GetBlobClient("routers/edge").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        var confirmedAfter = await held.ConfirmHeldAsync(CancellationToken.None);
        await held.DisposeAsync();
        var next = await Lease().AcquireAsync("edge", TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.True(confirmedBefore);
        Assert.False(confirmedAfter);
        Assert.NotNull(next);
        await next!.DisposeAsync();
    }

    [Fact]
    public async Task A_renewal_that_fails_authentication_leaks_no_lock_and_the_router_is_leased_again_once_the_lease_ran_out()
    {
        var outage = new IdentityOutagePolicy();
        var options = new BlobClientOptions();
        options.AddPolicy(outage, HttpPipelinePosition.PerCall);
        var lease = new BlobRouterLease(
            new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient("leases"), ShortestLease, TimeProvider.System, NullLogger<BlobRouterLease>.Instance);
        var held = await lease.AcquireAsync("edge", TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.NotNull(held);

        outage.Failing = true;
        // The lease renews every third of its duration: wait for a renewal that throws.
        await Task.Delay(ShortestLease / 3 + TimeSpan.FromSeconds(2));
        var confirmed = await held!.ConfirmHeldAsync(CancellationToken.None);
        var release = await Record.ExceptionAsync(async () => await held.DisposeAsync());
        outage.Failing = false;
        // The same instance (same in-process lock) gets the router again once the unreleased blob lease runs out.
        var again = await lease.AcquireAsync("edge", ShortestLease + TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.True(outage.Refused >= 3, $"renewal, check and release should each have met the outage; {outage.Refused} did");
        Assert.False(confirmed);
        Assert.Null(release);
        Assert.NotNull(again);
        await again!.DisposeAsync();
    }

    private BlobRouterLease Lease() => new(container, ShortestLease, TimeProvider.System, NullLogger<BlobRouterLease>.Instance);
}
