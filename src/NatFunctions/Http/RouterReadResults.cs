using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NatFunctions.Contracts;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers.Views;

namespace NatFunctions.Http;

/// <summary>
/// Maps a live read of a router to HTTP: 200 with what was read; 503 with <c>Retry-After</c> when the router cannot be
/// reached (try again later); 502 when it answered but cannot be trusted or understood (host key mismatch, another
/// VyOS version than configured, unreadable output), which retrying will not fix.
/// </summary>
public static class RouterReadResults
{
    public static IActionResult From(HttpRequest request, OperationResult<RouterNatRead> result) =>
        ApiResults.From(result, read => read.View is { } view
            ? ApiResults.Ok(RouterNatResponse.From(view))
            : Failure(request, read.Reachability));

    private static ProblemResult Failure(HttpRequest request, RouterReachability reachability)
    {
        if (reachability == RouterReachability.Unreachable)
        {
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return new ProblemResult(
                StatusCodes.Status503ServiceUnavailable,
                "The router is unreachable.",
                "The router did not answer in time; try again later.");
        }

        return new ProblemResult(
            StatusCodes.Status502BadGateway,
            "The router could not be read.",
            reachability switch
            {
                RouterReachability.UntrustedHostKey => "The router's host key does not match the pinned fingerprint.",
                RouterReachability.RouterMisconfigured =>
                    "The router runs another VyOS version than its VyosVersion setting; GET /v1/admin/routers/{name}/preflight says which and how to fix it.",
                _ => "The router's answer could not be understood.",
            });
    }
}
