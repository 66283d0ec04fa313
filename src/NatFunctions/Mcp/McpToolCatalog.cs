using Microsoft.AspNetCore.Http;
using NatFunctions.Contracts;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Audit;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Routers.Preflight;
using NatFunctions.Core.Routers.Views;
using NatFunctions.Http;

namespace NatFunctions.Mcp;

/// <summary>
/// The tools of <c>POST /v1/mcp</c>, each the MCP face of one HTTP endpoint: the same use case, the same least role,
/// the same request type and the same result mapping (<see cref="WriteResults"/>, <see cref="ApiResults"/>).
/// </summary>
public sealed class McpToolCatalog(
    VmProvisioner provisioner,
    VmQueries vms,
    VmDecommissioner decommissioner,
    PortActionService ports,
    RouterViewQueries routers,
    RouterPreflightQuery preflight,
    IRouterSync sync,
    ChangeQueries changes)
{
    private static readonly McpAddress MachineId = new("machine_id", "The VM's machine id (its vm_name at provisioning).", Required: true);
    private static readonly McpAddress Cursor = new("cursor", "The next_cursor of the previous page; absent for the first page.");
    private static readonly McpAddress PageSize = new("page_size", "Items per page (1-500, default 50).");

    public IReadOnlyList<McpTool> All() =>
    [
        new(
            "list_vms",
            "List provisioned VMs with their address, DHCP mapping and port forwards (and each one's sync state), a page at a time.",
            ApiRole.Reader,
            Writes: false,
            [new("router", "Only VMs on this router."), Cursor, PageSize],
            Body: null,
            async (call, token) =>
            {
                var result = await vms.ListAsync(call.Address("router"), call.Address("cursor"), call.Address("page_size"), token);
                return ApiResults.From(result, page => ApiResults.Ok(new VmListResponse(page.Items.Select(VmResponse.From).ToList(), page.NextCursor)));
            }),
        new(
            "get_vm",
            "One VM: its address, DHCP mapping and port forwards with their sync state (pending, applied, failed with the router's message).",
            ApiRole.Reader,
            Writes: false,
            [MachineId],
            Body: null,
            async (call, token) =>
            {
                var result = await vms.GetAsync(call.Address(MachineId.Name)!, token);
                return ApiResults.From(result, vm => ApiResults.Ok(VmResponse.From(vm)));
            }),
        new(
            "provision_vm",
            "Provision a VM: allocate an internal address (and a DHCP static mapping when mac_address is given) and destination-NAT port " +
            "forwards, and apply them to the router in the next group commit. status 201 = applied, 202 = pending (the router is slow or " +
            "unreachable; it is applied later), 422 = the router rejected it (its message is in the problem; nothing was kept).",
            ApiRole.Operator,
            Writes: true,
            [],
            typeof(VmProvisionRequest),
            async (call, token) =>
            {
                var body = call.Body<VmProvisionRequest>();
                if (body.Problem is not null)
                {
                    return body.Problem;
                }

                var input = body.Value!.ToInput();
                if (input.Problem is not null)
                {
                    return input.Problem;
                }

                var result = await provisioner.ProvisionAsync(input.Value!, call.Caller, token);
                return WriteResults.From(result, StatusCodes.Status201Created);
            }),
        new(
            "set_port_forward",
            "Change one VM's port forwards: action create, update, enable, disable, pause or delete, on the forward named by port_name " +
            "(or, without port_name, on the template ports listed in ports). status 200 = applied, 202 = pending, 422 = rejected by the router.",
            ApiRole.Operator,
            Writes: true,
            [MachineId, new("port_name", "The forward to act on; absent to act on the template ports given in ports.")],
            typeof(PortActionRequest),
            async (call, token) =>
            {
                var body = call.Body<PortActionRequest>();
                if (body.Problem is not null)
                {
                    return body.Problem;
                }

                var result = await ports.ApplyAsync(call.Address(MachineId.Name)!, call.Address("port_name"), body.Value!.ToInput(), call.Caller, token);
                return WriteResults.From(result, StatusCodes.Status200OK);
            }),
        new(
            "decommission_vm",
            "Remove a VM: its forwards, DHCP mapping and address. status 200 = removed from the router, 202 = the rows are gone and a later sync removes the rest.",
            ApiRole.Admin,
            Writes: true,
            [MachineId],
            Body: null,
            async (call, token) => WriteResults.From(await decommissioner.DecommissionAsync(call.Address(MachineId.Name)!, call.Caller, token))),
        new(
            "list_routers",
            "The configured routers with their reachability, version, last session, last sync and pending or failed changes.",
            ApiRole.Admin,
            Writes: false,
            [],
            Body: null,
            async (_, token) => ApiResults.Ok(new RouterListResponse((await routers.ListAsync(token)).Select(RouterResponse.From).ToList()))),
        new(
            "router_preflight",
            "Read a router once and check that its version, interface, DHCP subnet, commit-confirm setup, foreign rules and forward firewall suit the settings, with a fix for each problem.",
            ApiRole.Admin,
            Writes: false,
            [new("router", "The router's configured name.", Required: true)],
            Body: null,
            async (call, token) => ApiResults.From(
                await preflight.RunAsync(call.Address("router")!, token), report => ApiResults.Ok(RouterPreflightResponse.From(report)))),
        new(
            "sync_dry_run",
            "What a sync would change on the routers (or one router) to match the database, without changing anything.",
            ApiRole.Admin,
            Writes: false,
            [new("router", "Only this router; absent for every router.")],
            Body: null,
            async (call, token) =>
            {
                var router = call.Address("router");
                var result = await sync.SyncAsync(string.IsNullOrEmpty(router) ? null : router, dryRun: true, ChangeTrigger.Manual, call.Caller.Name, token);
                return ApiResults.From(result, reports => ApiResults.Ok(SyncResponse.From(true, reports)));
            }),
        new(
            "list_changes",
            "The audit of router sessions (who, what trigger, result, the router's message), newest first, a page at a time.",
            ApiRole.Admin,
            Writes: false,
            [
                new("router", "Only this router."),
                new("result", "Only this result, e.g. committed, rejected, no_change or transport_error."),
                new("trigger", "Only this trigger: api, mcp, timer or manual."),
                new("since", "Only sessions started at or after this UTC time (ISO 8601)."),
                new("until", "Only sessions started before this UTC time (ISO 8601)."),
                Cursor,
                PageSize,
            ],
            Body: null,
            async (call, token) =>
            {
                var result = await changes.ListAsync(
                    new ChangeQueryText(
                        call.Address("router"), call.Address("result"), call.Address("trigger"), call.Address("since"),
                        call.Address("until"), call.Address("cursor"), call.Address("page_size")),
                    token);
                return ApiResults.From(result, page => ApiResults.Ok(new ChangeListResponse(page.Items.Select(ChangeResponse.From).ToList(), page.NextCursor)));
            }),
    ];
}
