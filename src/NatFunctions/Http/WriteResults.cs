using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NatFunctions.Contracts;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Results;

namespace NatFunctions.Http;

/// <summary>
/// Maps a VM or port write to HTTP: applied → 201/200, still pending (router slow or unreachable) → 202,
/// refused by the router → 422 with VyOS's message (the change has been taken back). A decommission: applied → 200,
/// otherwise 202 (the rows are gone either way; a later sync removes what the router still has).
/// </summary>
public static class WriteResults
{
    public static IActionResult From(OperationResult<WriteOutcome> result, int appliedStatus)
    {
        if (!result.Succeeded)
        {
            return Problems.From(result.Error!);
        }

        var outcome = result.Value!;
        return outcome.State switch
        {
            ApplyState.Rejected => new ProblemResult(
                StatusCodes.Status422UnprocessableEntity,
                "The router rejected the change.",
                outcome.RouterMessage ?? "The router rejected the change; nothing was kept."),
            ApplyState.Pending => ApiResults.Json(StatusCodes.Status202Accepted, Body(outcome)),
            _ => ApiResults.Json(appliedStatus, Body(outcome)),
        };
    }

    public static IActionResult From(OperationResult<DecommissionOutcome> result) =>
        ApiResults.From(result, outcome => ApiResults.Json(
            outcome.RouterState == ApplyState.Applied ? StatusCodes.Status200OK : StatusCodes.Status202Accepted,
            DecommissionResponse.From(outcome)));

    private static object Body(WriteOutcome outcome) => outcome.Vm is null ? new { } : VmResponse.From(outcome.Vm);
}
