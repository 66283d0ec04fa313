using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;
using NatFunctions.Core.Validation;

namespace NatFunctions.Core.Auth;

/// <summary>Create, list, change and delete API keys.</summary>
public sealed class ApiKeyAdministration(IApiKeyRepository repository, TimeProvider timeProvider)
{
    private const string RoleRule = "must be one of: admin, operator, reader";

    public async Task<OperationResult<CreatedApiKey>> CreateAsync(NewApiKey request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!ResourceName.IsValid(request.Name))
        {
            errors.Add("name", $"is required: {ResourceName.Rule}");
        }

        if (!ApiRoleNames.TryParse(request.Role, out var role))
        {
            errors.Add("role", $"is required and {RoleRule}");
        }

        ValidateExpiry(request.ExpiresAt, errors);
        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        if (await repository.NameExistsAsync(request.Name!, exceptId: null, cancellationToken))
        {
            return OperationError.Conflict($"An API key named '{request.Name}' already exists.", [$"name:{request.Name}"]);
        }

        var secret = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Name = request.Name!,
            Role = role,
            Prefix = secret.Prefix,
            Hash = secret.Hash,
            ExpiresAt = request.ExpiresAt?.ToUniversalTime(),
        };
        await repository.AddAsync(key, cancellationToken);
        return new CreatedApiKey(ApiKeyView.From(key), secret.Text);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await repository.ListAsync(cancellationToken)).Select(ApiKeyView.From)];

    public async Task<OperationResult<ApiKeyView>> GetAsync(long id, CancellationToken cancellationToken)
    {
        var key = await repository.FindByIdAsync(id, cancellationToken);
        return key is null ? OperationError.NotFound($"API key {id}") : ApiKeyView.From(key);
    }

    public async Task<OperationResult<ApiKeyView>> ChangeAsync(long id, ApiKeyChange change, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (change.Name is not null && !ResourceName.IsValid(change.Name))
        {
            errors.Add("name", ResourceName.Rule);
        }

        var role = default(ApiRole);
        if (change.Role is not null && !ApiRoleNames.TryParse(change.Role, out role))
        {
            errors.Add("role", RoleRule);
        }

        ValidateExpiry(change.ExpiresAt, errors);
        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        var key = await repository.FindByIdAsync(id, cancellationToken);
        if (key is null)
        {
            return OperationError.NotFound($"API key {id}");
        }

        if (change.Name is not null && change.Name != key.Name &&
            await repository.NameExistsAsync(change.Name, exceptId: id, cancellationToken))
        {
            return OperationError.Conflict($"An API key named '{change.Name}' already exists.", [$"name:{change.Name}"]);
        }

        key.Name = change.Name ?? key.Name;
        key.Role = change.Role is null ? key.Role : role;
        key.ExpiresAt = change.ClearExpiry ? null : change.ExpiresAt?.ToUniversalTime() ?? key.ExpiresAt;
        key.Revoked = change.Revoked ?? key.Revoked;
        await repository.UpdateAsync(key, cancellationToken);
        return ApiKeyView.From(key);
    }

    public async Task<OperationResult<bool>> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var key = await repository.FindByIdAsync(id, cancellationToken);
        if (key is null)
        {
            return OperationError.NotFound($"API key {id}");
        }

        await repository.DeleteAsync(key, cancellationToken);
        return true;
    }

    private void ValidateExpiry(DateTime? expiresAt, FieldErrors errors)
    {
        if (expiresAt is { } value && value.ToUniversalTime() <= timeProvider.GetUtcNow().UtcDateTime)
        {
            errors.Add("expires_at", "must be in the future");
        }
    }
}
