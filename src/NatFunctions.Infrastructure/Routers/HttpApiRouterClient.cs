using System.Globalization;
using System.Net.Http;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// A router reached through VyOS's HTTP API (transport <c>http-api</c>, decision 0025), with the same outcomes as the
/// CLI transports. Every request is an HTTPS POST of the form fields <c>data</c> (JSON) and <c>key</c>
/// (equuleus/sagitta/circinus:src/services/vyos-http-api-server MultipartRequest.body; docs/automation/vyos-api.rst).
/// Reads: <c>/show</c> <c>version</c> and <c>configuration commands</c> (op mode, the same text the CLI prints),
/// <c>/retrieve</c> <c>showConfig</c> (JSON) for read-backs, retried on a lost answer because a read changes nothing.
/// A change: one <c>/configure</c> list (set/delete, applied and committed as one commit under the API's global lock),
/// never resent; then <c>/retrieve</c> again, because 1.3/1.4 may answer success to a commit that failed (T6326) and
/// an answer lost to a timeout says nothing; then <c>/config-file</c> <c>save</c>. The certificate is pinned before
/// the key leaves this machine (<see cref="CertificatePin"/>).
/// </summary>
internal sealed class HttpApiRouterClient(RouterSettings settings, IHttpClientFactory httpClients, CertificatePin pin, TimeProvider timeProvider) : IRouterClient
{
    private const int ReadAttempts = 3;
    private static readonly TimeSpan ReadRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan SettleInterval = TimeSpan.FromMilliseconds(500);

    private readonly Lock versionLock = new();
    private RunningVyosVersion? knownVersion;

    public string RouterName => settings.Name;

    public RouterSettings Settings => settings;

    public static string HttpClientName(string routerName) => "vyos-http-api:" + routerName;

    public Task<RouterProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        RouterProbeResult.ByReadingConfigurationAsync(this, cancellationToken);

    public async Task<string> ReadConfigurationCommandsAsync(CancellationToken cancellationToken)
    {
        var mismatch = await CheckVersionAsync(cancellationToken).ConfigureAwait(false);
        if (mismatch is not null) throw new RouterAccessException(settings.Name, RouterAccessFailure.RouterMisconfigured, mismatch);
        return await ShowAsync(["configuration", "commands"], cancellationToken).ConfigureAwait(false);
    }

    public async Task<RouterSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        var version = await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
        var configuration = await ShowAsync(["configuration", "commands"], cancellationToken).ConfigureAwait(false);
        return new RouterSnapshot(version, configuration);
    }

    public async Task<RouterSessionResult> ApplyAsync(RouterChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var transcript = new StringBuilder();
        foreach (var command in request.Commands)
        {
            var problem = RouterChangeRequest.FindProblem(command);
            if (problem is not null) return new RouterSessionResult(RouterSessionOutcome.Rejected, problem, command, string.Empty);
        }

        try
        {
            var mismatch = await CheckVersionAsync(cancellationToken).ConfigureAwait(false);
            if (mismatch is not null) return new RouterSessionResult(RouterSessionOutcome.RouterMisconfigured, mismatch, null, transcript.ToString());
        }
        catch (RouterAccessException exception)
        {
            return ResultOfFailedRead(exception, transcript);
        }

        // Settings refuse commit-confirm on this transport (RouterSettingsValidator), so finishing is saving.
        if (request.FinishOnly) return await FinishAsync(request, transcript, cancellationToken).ConfigureAwait(false);

        var operations = request.Commands.Select(VyosApiOperation.FromCommand).ToArray();
        var readBack = new ApiReadBack(operations);
        if (operations.Length == 0) return new RouterSessionResult(RouterSessionOutcome.NoChange, null, null, transcript.ToString());

        // The CLI's `compare`: a batch the router already has is not committed again.
        try
        {
            using var before = await RetrieveConfigurationAsync(transcript, cancellationToken).ConfigureAwait(false);
            if (readBack.Missing(before.RootElement).Count == 0)
            {
                return new RouterSessionResult(RouterSessionOutcome.NoChange, null, null, transcript.ToString());
            }
        }
        catch (RouterAccessException exception)
        {
            return ResultOfFailedRead(exception, transcript);
        }

        if (request.LeaseHeld is { } leaseHeld && !await leaseHeld(cancellationToken).ConfigureAwait(false))
        {
            return new RouterSessionResult(
                RouterSessionOutcome.LeaseLost,
                "this instance lost the router's lease before /configure (another instance may be configuring the router); nothing was sent",
                "commit",
                transcript.ToString());
        }

        var data = new JsonArray([.. operations.Select(operation => (JsonNode)operation.ToJson())]);
        transcript.Append("POST /configure ").Append(data.ToJsonString()).Append('\n');
        VyosApiAnswer answer;
        try
        {
            answer = await PostAsync("/configure", data, settings.CommitTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (VyosApiException exception) when (exception.Failure == VyosApiFailure.UntrustedCertificate)
        {
            transcript.Append("→ ").Append(exception.Message).Append('\n');
            return new RouterSessionResult(RouterSessionOutcome.UntrustedHostKey, exception.Message, null, transcript.ToString());
        }
        catch (VyosApiException exception) when (exception.Failure == VyosApiFailure.NotConnected)
        {
            transcript.Append("→ ").Append(exception.Message).Append('\n');
            return new RouterSessionResult(RouterSessionOutcome.TransportFailure, exception.Message, null, transcript.ToString());
        }
        catch (VyosApiException exception)
        {
            transcript.Append("→ no answer: ").Append(exception.Message).Append('\n');
            return await ReconcileAsync(request, readBack, $"no answer to /configure ({exception.Message})", transcript, cancellationToken).ConfigureAwait(false);
        }

        transcript.Append("→ ").Append(answer.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(answer.Body).Append('\n');
        return answer.Status switch
        {
            200 when answer.Success => await VerifyAsync(request, readBack, answer, transcript, cancellationToken).ConfigureAwait(false),
            400 => Refused(answer, operations, transcript),
            401 => new RouterSessionResult(
                RouterSessionOutcome.TransportFailure,
                $"the router refused the API key (HTTP 401 '{answer.Message}'): check Routers:{settings.Name}:ApiKey against 'service https api keys'; nothing was applied",
                null,
                transcript.ToString()),
            404 => new RouterSessionResult(RouterSessionOutcome.TransportFailure, NotFoundMessage(answer), null, transcript.ToString()),
            // 500 is answered after session.discard(), but a gateway's 502/503/504 says nothing of the commit behind it.
            >= 500 => await ReconcileAsync(request, readBack, $"HTTP {answer.Status} from /configure: {answer.Message}", transcript, cancellationToken).ConfigureAwait(false),
            _ => new RouterSessionResult(
                RouterSessionOutcome.TransportFailure,
                $"the router refused the /configure request (HTTP {answer.Status}): {answer.Message}",
                null,
                transcript.ToString()),
        };
    }

    /// <summary>
    /// VyOS answered success: read back, because on 1.3/1.4 the answer can hide a failed commit (T6326).
    /// </summary>
    private async Task<RouterSessionResult> VerifyAsync(
        RouterChangeRequest request, ApiReadBack readBack, VyosApiAnswer answer, StringBuilder transcript, CancellationToken cancellationToken)
    {
        JsonDocument after;
        try
        {
            after = await RetrieveConfigurationAsync(transcript, cancellationToken).ConfigureAwait(false);
        }
        catch (RouterAccessException exception)
        {
            return new RouterSessionResult(
                RouterSessionOutcome.TransportFailure,
                $"VyOS answered success to /configure, but the configuration could not be read back to check it: {exception.Message}",
                null,
                transcript.ToString(),
                MayHaveCommitted: true);
        }

        using (after)
        {
            var missing = readBack.Missing(after.RootElement);
            if (missing.Count > 0)
            {
                var applied = readBack.Applied(after.RootElement);
                var data = answer.DataText.Trim();
                return new RouterSessionResult(
                    RouterSessionOutcome.Rejected,
                    $"VyOS answered success to /configure, but the configuration read back lacks {missing.Count} of {readBack.Count} changes (first: '{missing[0]}'): the commit failed without saying so (T6326, VyOS 1.3/1.4){(data.Length > 0 ? ": " + data : string.Empty)}",
                    "commit",
                    transcript.ToString(),
                    MayHaveCommitted: applied > 0);
            }
        }

        return await SaveAfterCommitAsync(request, transcript, "committed", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The answer to <c>/configure</c> was lost: never resend (the first may be committing still); read back until
    /// the change shows or the settle window (<see cref="RouterSettings.CommitTimeout"/>) ends.
    /// </summary>
    private async Task<RouterSessionResult> ReconcileAsync(
        RouterChangeRequest request, ApiReadBack readBack, string lost, StringBuilder transcript, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + settings.CommitTimeout;
        int? applied = null;
        string? readFailure = null;
        while (true)
        {
            try
            {
                using var configuration = await RetrieveConfigurationAsync(transcript, cancellationToken).ConfigureAwait(false);
                applied = readBack.Applied(configuration.RootElement);
                readFailure = null;
                if (applied == readBack.Count)
                {
                    return await SaveAfterCommitAsync(request, transcript, $"{lost}; the configuration read back has the change, so it was committed and not sent again", cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RouterAccessException exception)
            {
                readFailure = exception.Message;
            }

            if (timeProvider.GetUtcNow() >= deadline) break;
            await Task.Delay(SettleInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (readFailure is not null || applied is null)
        {
            return new RouterSessionResult(
                RouterSessionOutcome.TransportFailure,
                $"{lost}, and the configuration could not be read back ({readFailure}): the change may or may not be active; read the configuration before retrying",
                null,
                transcript.ToString(),
                MayHaveCommitted: true);
        }

        return applied == 0
            ? new RouterSessionResult(
                RouterSessionOutcome.TransportFailure,
                $"{lost}; after waiting {settings.CommitTimeoutSeconds} s none of the change is in the configuration read back, so it was not committed",
                null,
                transcript.ToString())
            : new RouterSessionResult(
                RouterSessionOutcome.TransportFailure,
                $"{lost}; after waiting {settings.CommitTimeoutSeconds} s the configuration read back has {applied} of {readBack.Count} changes: partly active; read the configuration before retrying",
                null,
                transcript.ToString(),
                MayHaveCommitted: true);
    }

    /// <summary>
    /// HTTP 400 from <c>/configure</c>: VyOS's text for a refused set/delete (nothing committed, the session
    /// discarded) or a failed commit (other subtrees may be active, as on the CLI), or the commit lock.
    /// </summary>
    private RouterSessionResult Refused(VyosApiAnswer answer, IReadOnlyList<VyosApiOperation> operations, StringBuilder transcript)
    {
        var message = answer.Message.Trim();
        if (VyosOutputClassifier.IsLockBusy(message))
        {
            return new RouterSessionResult(RouterSessionOutcome.LockBusy, message, "commit", transcript.ToString());
        }

        if (VyosOutputClassifier.IsUnknownPath(message))
        {
            return new RouterSessionResult(
                RouterSessionOutcome.RouterMisconfigured,
                $"VyOS does not know a path the product writes for this router's VyosVersion setting, so every such object would be refused; compare the setting with the router's 'show version' (the router's preflight shows both): {message}",
                NamedCommand(message, operations),
                transcript.ToString());
        }

        var failedCommand = VyosOutputClassifier.IsCommitFailure(message) ? "commit" : NamedCommand(message, operations);
        return new RouterSessionResult(RouterSessionOutcome.Rejected, message, failedCommand, transcript.ToString());
    }

    /// <summary>
    /// The line whose path VyOS's message names (<c>Configuration path: [nat destination rule 10000 …] is not valid</c>),
    /// or null: the API does not say which entry of the list failed, and the applier bisects when nothing is named.
    /// </summary>
    private static string? NamedCommand(string message, IReadOnlyList<VyosApiOperation> operations) =>
        operations
            .Where(operation => message.Contains(string.Join(' ', operation.Path), StringComparison.Ordinal))
            .Select(operation => operation.Command)
            .FirstOrDefault();

    private async Task<RouterSessionResult> FinishAsync(RouterChangeRequest request, StringBuilder transcript, CancellationToken cancellationToken)
    {
        if (!request.Save) return new RouterSessionResult(RouterSessionOutcome.NoChange, null, null, transcript.ToString());
        var result = await SaveAfterCommitAsync(request, transcript, "finishing an earlier commit", cancellationToken).ConfigureAwait(false);
        return result.Outcome == RouterSessionOutcome.Committed ? result with { Outcome = RouterSessionOutcome.NoChange, Message = null } : result;
    }

    /// <summary><c>/config-file</c> <c>save</c> after a commit, when asked; a refused or lost save leaves the change unsaved.</summary>
    private async Task<RouterSessionResult> SaveAfterCommitAsync(RouterChangeRequest request, StringBuilder transcript, string committed, CancellationToken cancellationToken)
    {
        var note = committed == "committed" ? null : committed;
        if (!request.Save) return new RouterSessionResult(RouterSessionOutcome.Committed, note, null, transcript.ToString(), MayHaveCommitted: true);
        if (request.LeaseHeld is { } leaseHeld && !await leaseHeld(cancellationToken).ConfigureAwait(false))
        {
            return new RouterSessionResult(
                RouterSessionOutcome.LeaseLost,
                "committed, but this instance lost the router's lease before 'save' (another instance may be configuring the router): the change is active but would not survive a reboot until a later session saves it",
                "save",
                transcript.ToString(),
                MayHaveCommitted: true);
        }

        // sagitta:src/services/vyos-http-api-server config_file_op: save writes /config/config.boot without a file.
        var data = new JsonObject { ["op"] = "save" };
        transcript.Append("POST /config-file ").Append(data.ToJsonString()).Append('\n');
        try
        {
            var answer = await PostAsync("/config-file", data, settings.CommitTimeout, cancellationToken).ConfigureAwait(false);
            transcript.Append("→ ").Append(answer.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(answer.Body).Append('\n');
            if (!answer.IsSuccess)
            {
                return new RouterSessionResult(
                    RouterSessionOutcome.TransportFailure,
                    $"committed, but VyOS refused 'save' (HTTP {answer.Status}): the change is active but would not survive a reboot until a later session saves it: {answer.Message}",
                    "save",
                    transcript.ToString(),
                    MayHaveCommitted: true);
            }
        }
        catch (VyosApiException exception)
        {
            transcript.Append("→ no answer: ").Append(exception.Message).Append('\n');
            return new RouterSessionResult(
                RouterSessionOutcome.TransportFailure,
                $"committed, then no answer to 'save' ({exception.Message}): the change is active but may not survive a reboot until a later session saves it",
                null,
                transcript.ToString(),
                MayHaveCommitted: true);
        }

        return new RouterSessionResult(RouterSessionOutcome.Committed, note, null, transcript.ToString(), Saved: true, MayHaveCommitted: true);
    }

    private RouterSessionResult ResultOfFailedRead(RouterAccessException exception, StringBuilder transcript) => exception.Failure switch
    {
        RouterAccessFailure.UntrustedHostKey => new RouterSessionResult(RouterSessionOutcome.UntrustedHostKey, exception.Message, null, transcript.ToString()),
        _ => new RouterSessionResult(RouterSessionOutcome.TransportFailure, exception.Message, null, transcript.ToString()),
    };

    /// <summary>
    /// <c>show version</c> once per client (the API has no connection to remember it by); a failed read forgets it,
    /// so a router replaced behind the same address is read again. Null when the router may be used.
    /// </summary>
    private async Task<string?> CheckVersionAsync(CancellationToken cancellationToken)
    {
        RunningVyosVersion? running;
        lock (versionLock) running = knownVersion;
        running ??= await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
        return running.Contradicts(settings.VyosVersion) ? running.MismatchMessage(settings.Name, settings.VyosVersion) : null;
    }

    private async Task<RunningVyosVersion> ReadVersionAsync(CancellationToken cancellationToken)
    {
        var version = RunningVyosVersion.Parse(await ShowAsync(["version"], cancellationToken).ConfigureAwait(false));
        lock (versionLock) knownVersion = version;
        return version;
    }

    /// <summary>
    /// An op-mode <c>show</c> through <c>/show</c> (sagitta:src/services/vyos-http-api-server show_op runs
    /// vyatta-op-cmd-wrapper show PATH and answers its output as <c>data</c>).
    /// </summary>
    private async Task<string> ShowAsync(IReadOnlyList<string> path, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["op"] = "show", ["path"] = new JsonArray([.. path.Select(word => (JsonNode?)JsonValue.Create(word))]) };
        var answer = await ReadAsync("/show", data, cancellationToken).ConfigureAwait(false);
        if (answer.Data.ValueKind != JsonValueKind.String)
        {
            throw new RouterAccessException(settings.Name, RouterAccessFailure.UnexpectedOutput, $"/show {string.Join(' ', path)} answered no text");
        }

        return answer.DataText;
    }

    /// <summary>
    /// The whole active configuration as JSON (<c>/retrieve</c> <c>showConfig</c> with an empty path; JSON is the
    /// default configFormat: sagitta:src/services/vyos-http-api-server retrieve_op). It holds secrets, so only its size
    /// goes into the transcript.
    /// </summary>
    private async Task<JsonDocument> RetrieveConfigurationAsync(StringBuilder transcript, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["op"] = "showConfig", ["path"] = new JsonArray() };
        var answer = await ReadAsync("/retrieve", data, cancellationToken).ConfigureAwait(false);
        var configuration = JsonDocument.Parse(answer.Data.ValueKind == JsonValueKind.Object ? answer.Data.GetRawText() : "{}");
        transcript.Append("POST /retrieve {\"op\":\"showConfig\",\"path\":[]} → ")
            .Append(configuration.RootElement.EnumerateObject().Count().ToString(CultureInfo.InvariantCulture))
            .Append(" top-level nodes read, not recorded: they may hold secrets\n");
        return configuration;
    }

    /// <summary>A read, retried on a lost answer or a gateway's 5xx: it changes nothing, so sending it again is safe.</summary>
    private async Task<VyosApiAnswer> ReadAsync(string endpoint, JsonNode data, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                var answer = await PostAsync(endpoint, data, settings.CommandTimeout, cancellationToken).ConfigureAwait(false);
                if (answer.IsSuccess) return answer;
                if (answer.Status < 500) throw RefusedRead(endpoint, answer);
                failure = $"HTTP {answer.Status} from {endpoint}: {answer.Message}";
            }
            catch (VyosApiException exception) when (exception.Failure == VyosApiFailure.UntrustedCertificate)
            {
                throw new RouterAccessException(settings.Name, RouterAccessFailure.UntrustedHostKey, exception.Message, exception);
            }
            catch (VyosApiException exception)
            {
                failure = exception.Message;
            }

            lock (versionLock) knownVersion = null;
            if (attempt >= ReadAttempts) throw new RouterAccessException(settings.Name, RouterAccessFailure.Unreachable, $"{failure} (tried {ReadAttempts} times)");
            await Task.Delay(ReadRetryDelay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private RouterAccessException RefusedRead(string endpoint, VyosApiAnswer answer) => answer.Status switch
    {
        401 => new RouterAccessException(
            settings.Name,
            RouterAccessFailure.Unreachable,
            $"the router refused the API key (HTTP 401 '{answer.Message}'): check Routers:{settings.Name}:ApiKey against 'service https api keys'"),
        404 => new RouterAccessException(settings.Name, RouterAccessFailure.Unreachable, NotFoundMessage(answer)),
        _ => new RouterAccessException(settings.Name, RouterAccessFailure.UnexpectedOutput, $"{endpoint} failed (HTTP {answer.Status}): {answer.Message}"),
    };

    /// <summary>
    /// 404: the endpoint is not served. From current (VyOS 1.5 builds) on, the REST endpoints exist only with
    /// <c>service https api rest</c> (current:src/services/vyos-http-api-server rest_init/rest_clear,
    /// current:interface-definitions/service_https.xml.in); before, without <c>service https api</c> at all.
    /// </summary>
    private string NotFoundMessage(VyosApiAnswer answer) =>
        $"the router does not serve VyOS's REST API (HTTP 404 '{answer.Message}'): enable it with 'set service https api keys id <id> key <key>'{(settings.VyosVersion == VyosVersion.V1_5 ? " and 'set service https api rest'" : string.Empty)}; nothing was applied";

    private async Task<VyosApiAnswer> PostAsync(string endpoint, JsonNode data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName(settings.Name));
        client.Timeout = Timeout.InfiniteTimeSpan;
        using var content = new FormUrlEncodedContent([new("data", data.ToJsonString()), new("key", settings.ApiKey ?? string.Empty)]);
        var uri = new UriBuilder(Uri.UriSchemeHttps, settings.Host, settings.Port, endpoint).Uri;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            using var response = await client.PostAsync(uri, content, timer.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timer.Token).ConfigureAwait(false);
            return VyosApiAnswer.Parse((int)response.StatusCode, body);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VyosApiException(VyosApiFailure.AnswerLost, $"no answer from {endpoint} within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", exception);
        }
        catch (HttpRequestException exception)
        {
            throw Classify(endpoint, exception);
        }
    }

    private VyosApiException Classify(string endpoint, HttpRequestException exception)
    {
        if (exception.HttpRequestError == HttpRequestError.SecureConnectionError && exception.InnerException is AuthenticationException && pin.LastRefused is { } seen)
        {
            return new VyosApiException(
                VyosApiFailure.UntrustedCertificate,
                $"the router's TLS certificate (SHA-256 {seen}) does not match Routers:{settings.Name}:CertificateSha256; nothing was sent",
                exception);
        }

        return exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
            ? new VyosApiException(VyosApiFailure.NotConnected, $"could not connect to {settings.Host}:{settings.Port.ToString(CultureInfo.InvariantCulture)} for {endpoint}: {exception.Message}", exception)
            : new VyosApiException(VyosApiFailure.AnswerLost, $"the connection broke before {endpoint} answered: {exception.Message}", exception);
    }
}
