using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Auth;

/// <summary>Turns the presented <c>X-API-Key</c> value into a <see cref="Caller"/>, or says why it cannot.</summary>
public sealed class ApiKeyAuthenticator(IApiKeyRepository repository, BootstrapAdminKey bootstrapKey, TimeProvider timeProvider)
{
    // Writing last_used_at on every request would turn every read into a write; a minute's precision is enough.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<AuthenticationResult> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticationResult.Failed(AuthenticationOutcome.Missing);
        }

        if (bootstrapKey.Matches(presented))
        {
            return new AuthenticationResult(
                AuthenticationOutcome.Authenticated,
                new Caller(BootstrapAdminKey.CallerName, ApiRole.Admin, BootstrapAdminKey.KeyPrefix));
        }

        var parsed = ApiKeySecret.TryParse(presented);
        if (parsed is null)
        {
            return AuthenticationResult.Failed(AuthenticationOutcome.Invalid);
        }

        var stored = await repository.FindByPrefixAsync(parsed.Prefix, cancellationToken);
        if (stored is null || !ApiKeySecret.HashesMatch(stored.Hash, parsed.Hash))
        {
            return AuthenticationResult.Failed(AuthenticationOutcome.Invalid);
        }

        if (stored.Revoked)
        {
            return AuthenticationResult.Failed(AuthenticationOutcome.Revoked);
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (stored.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            return AuthenticationResult.Failed(AuthenticationOutcome.Expired);
        }

        if (stored.LastUsedAt is null || now - stored.LastUsedAt.Value >= LastUsedPrecision)
        {
            await repository.TouchLastUsedAsync(stored.Id, now, cancellationToken);
        }

        return new AuthenticationResult(AuthenticationOutcome.Authenticated, new Caller(stored.Name, stored.Role, stored.Prefix));
    }
}
