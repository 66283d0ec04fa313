using Microsoft.Extensions.Configuration;

namespace NatFunctions.Infrastructure.Storage;

/// <summary>
/// Settings under <c>Storage:</c>: <c>ConnectionString</c> (Azurite: <c>UseDevelopmentStorage=true</c>) or
/// <c>BlobServiceUri</c> with the managed identity (production: the account has shared keys disabled), and
/// <c>LeaseContainer</c> (default <c>natfunctions-leases</c>). With neither of the first two, leases are taken in
/// process, which is only correct for a single instance.
/// </summary>
public sealed record StorageSettings(string? ConnectionString, Uri? BlobServiceUri, string LeaseContainer)
{
    public bool IsConfigured => ConnectionString is not null || BlobServiceUri is not null;

    public static StorageSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Storage");
        var connectionString = section["ConnectionString"];
        var uri = section["BlobServiceUri"];
        return new StorageSettings(
            string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            string.IsNullOrWhiteSpace(uri) ? null : new Uri(uri),
            string.IsNullOrWhiteSpace(section["LeaseContainer"]) ? "natfunctions-leases" : section["LeaseContainer"]!);
    }
}
