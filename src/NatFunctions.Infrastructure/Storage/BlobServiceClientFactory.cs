using Azure.Identity;
using Azure.Storage.Blobs;

namespace NatFunctions.Infrastructure.Storage;

internal static class BlobServiceClientFactory
{
    public static BlobServiceClient? Create(StorageSettings settings)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        if (settings.ConnectionString is not null)
        {
            return new BlobServiceClient(settings.ConnectionString, options);
        }

        return settings.BlobServiceUri is null ? null : new BlobServiceClient(settings.BlobServiceUri, new DefaultAzureCredential(), options);
    }
}
