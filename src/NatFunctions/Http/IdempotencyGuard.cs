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
            return InvalidKey(IdempotencyKey.HeaderName, "header", ", sent once");
        }

        var body = await IdempotencyRequestBody.ReadAsync(request, request.HttpContext.RequestAborted);
        if (body is null || !appliesTo(body))
        {
            return await write();
        }

        return await RunKeyedAsync(
            request.HttpContext, key!, RequestFingerprint.Compute(request.Method, request.Path.Value ?? string.Empty, body), write);
    }

    /// <summary>A key that breaks <see cref="IdempotencyKey.Rule"/>, refused naming where it was sent (header or argument).</summary>
    public static ProblemResult InvalidKey(string field, string kind, string ruleSuffix = "") => Problems.BadRequest(
        $"The {field} {kind} is not valid.", new Dictionary<string, string[]> { [field] = [IdempotencyKey.Rule + ruleSuffix] });

    /// <summary>
    /// Runs <paramref name="write"/> under a valid <paramref name="key"/> of the request's caller, where
    /// <paramref name="fingerprint"/> (<see cref="RequestFingerprint"/>) says what "the same request" is.
    /// </summary>
    public async Task<IActionResult> RunKeyedAsync(HttpContext httpContext, string key, string fingerprint, Func<Task<IActionResult>> write)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(write);
        var cancellationToken = httpContext.RequestAborted;
        var scope = new IdempotencyScope(
            RequestCaller.Find(httpContext)?.KeyPrefix ?? throw new InvalidOperationException("The function ran without an authenticated caller."),
            key,
            fingerprint);
        var outcome = await execution.RunAsync(
            scope,
            _ => write(),
            (result, token) => IdempotencyResponses.CaptureAsync(result, httpContext, token),
            cancellationToken);
        return outcome.Kind switch
        {
            IdempotentOutcomeKind.Executed => outcome.Result!,
            IdempotentOutcomeKind.Replayed => IdempotencyResponses.Replay(httpContext, outcome.Replayed!),
            IdempotentOutcomeKind.KeyReused => new ProblemResult(
                StatusCodes.Status422UnprocessableEntity,
                "Idempotency key reused.",
                $"This {IdempotencyKey.HeaderName} was already used for a different request; send a new key for a new request."),
            _ => InProgress(httpContext),
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
