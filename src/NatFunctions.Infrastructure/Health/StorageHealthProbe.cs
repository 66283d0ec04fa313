using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Health;

namespace NatFunctions.Infrastructure.Health;

internal sealed class StorageHealthProbe(BlobServiceClient? blobService, ILogger<StorageHealthProbe> logger) : IStorageHealthProbe
{
    public async Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken)
    {
        if (blobService is null)
        {
            return ComponentHealth.NotConfigured;
        }

        try
        {
            await foreach (var _ in blobService.GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return ComponentHealth.Ok;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Storage health check failed");
            return ComponentHealth.Unreachable;
        }
    }
}
