using NatFunctions.Core.Paging;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Validation;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// GET /v1/vms and /v1/vms/{machine_id}. Paging is keyset on machine_id (the cursor is the last id, base64url),
/// so pages stay stable and cheap however many VMs there are.
/// </summary>
public sealed class VmQueries(IProvisioningStore store, IRouterClientFactory routers)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    // A machine id is at most 63 characters (ResourceName); its base64url text fits in 100.
    private const int MaxCursorLength = 100;

    public async Task<OperationResult<VmView>> GetAsync(string machineId, CancellationToken cancellationToken)
    {
        if (!ResourceName.IsValid(machineId))
        {
            return OperationError.NotFound("The VM");
        }

        var vm = await store.ReloadVmAsync(machineId, cancellationToken);
        return vm is null ? OperationError.NotFound("The VM") : VmView.From(vm, routers);
    }

    public async Task<OperationResult<(IReadOnlyList<VmView> Items, string? NextCursor)>> ListAsync(
        string? router, string? cursor, string? pageSizeText, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var pageSize = DefaultPageSize;
        if (pageSizeText is not null && (!int.TryParse(pageSizeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add("page_size", $"must be a whole number from 1 to {MaxPageSize}");
        }

        string? after = null;
        if (cursor is not null && !TryDecodeCursor(cursor, out after))
        {
            errors.Add("cursor", "is not a cursor returned by this API");
        }

        if (router is not null && !ResourceName.IsValid(router))
        {
            errors.Add("router", ResourceName.Rule);
        }

        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        var page = await store.ListVmsAsync(router, after, pageSize, cancellationToken);
        var items = page.Items.Select(vm => VmView.From(vm, routers)).ToList();
        var next = page.HasMore && items.Count > 0 ? EncodeCursor(items[^1].MachineId) : null;
        return (items, next);
    }

    private static string EncodeCursor(string machineId) => OpaqueCursor.Encode(machineId);

    private static bool TryDecodeCursor(string cursor, out string? machineId)
    {
        machineId = OpaqueCursor.TryDecode(cursor, MaxCursorLength, out var text) && ResourceName.IsValid(text) ? text : null;
        return machineId is not null;
    }
}
