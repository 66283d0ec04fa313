using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NatFunctions.Core.Idempotency;

namespace NatFunctions.Http;

/// <summary>
/// <c>Idempotency-Key</c> on a write (provision, port create). Without the header the write simply runs. With it:
/// an invalid key → 400; the first request runs and its final answer (2xx, 4xx but 429) is kept 24 h per API key; a
/// repeat with the same method, path and body gets that answer again with <c>Idempotent-Replayed: true</c> and
/// nothing runs; the same key with a different request → 422; a repeat while the first still runs → 409 with
/// <c>Retry-After</c>.
/// </summary>
public sealed class IdempotencyGuard(IdempotentExecution execution)
{
    public Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IActionResult>> write) =>
        RunAsync(request, static _ => true, write);

    /// <param name="appliesTo">Whether this request (by its raw body) is one the key protects; others run unguarded.</param>
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<byte[], bool> appliesTo, Func<Task<IActionResult>> write)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(appliesTo);
        ArgumentNullException.ThrowIfNull(write);
        var headers = request.Headers[IdempotencyKey.HeaderName];
        if (headers.Count == 0)
        {
            return await write();
        }

        var key = headers.Count == 1 ? headers[0] : null;
        if (!IdempotencyKey.IsValid(key))
        {
            return Problems.BadRequest(
                $"The {IdempotencyKey.HeaderName} header is not valid.",
                new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = [IdempotencyKey.Rule + ", sent once"] });
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var body = await IdempotencyRequestBody.ReadAsync(request, cancellationToken);
        if (body is null || !appliesTo(body))
        {
            return await write();
        }

        var scope = new IdempotencyScope(
            RequestCaller.Get(request).KeyPrefix,
            key!,
            RequestFingerprint.Compute(request.Method, request.Path.Value ?? string.Empty, body));
        var outcome = await execution.RunAsync(
            scope,
            _ => write(),
            (result, token) => IdempotencyResponses.CaptureAsync(result, request.HttpContext, token),
            cancellationToken);
        return outcome.Kind switch
        {
            IdempotentOutcomeKind.Executed => outcome.Result!,
            IdempotentOutcomeKind.Replayed => IdempotencyResponses.Replay(request.HttpContext, outcome.Replayed!),
            IdempotentOutcomeKind.KeyReused => new ProblemResult(
                StatusCodes.Status422UnprocessableEntity,
                "Idempotency key reused.",
                $"This {IdempotencyKey.HeaderName} was already used for a different request; send a new key for a new request."),
            _ => InProgress(request.HttpContext),
        };
    }

    private static ProblemResult InProgress(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = "1";
        return new ProblemResult(
            StatusCodes.Status409Conflict,
            "Request in progress.",
            $"A request with this {IdempotencyKey.HeaderName} is still running; retry shortly to get its answer.");
    }
}
