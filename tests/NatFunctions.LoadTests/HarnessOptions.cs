using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>The harness's command line (see <see cref="Usage"/>).</summary>
internal sealed record HarnessOptions
{
    public const string Usage = """
        dotnet run --project tests/NatFunctions.LoadTests -c Release -- [options]
          --transport ssh|http-api the router's transport (default ssh): sshd + the simulator as login shell, or the
                                   simulator's HTTP API (HTTPS, certificate pinned, API key); the same cost model
          --concurrency N[,N...]   concurrent provisions per burst (default 100; e.g. 1,10,100,500)
          --commit-delay-ms N      the simulated router's commit time (default 1500)
          --command-delay-ms N     the simulated router's cost of each set/delete (default 0; a real VyOS runs a
                                   process per set: tens of ms)
          --rtt-ms N               round trip between the worker and the router: a relay in front of sshd (or of the
                                   API's HTTPS port) holds each chunk for N/2 ms each way (default 0: no relay)
          --compare-baseline       also run the one-commit-per-request baseline: the same burst, each request let
                                   through only when the one before it was answered (bursts up to --baseline-max)
          --baseline-max N         largest burst the baseline runs (default 100)
          --ssh-sessions N         measure N read sessions with and without SSH connection reuse (default 0: skip;
                                   ssh only)
          --reads                  read load: GET /v1/vms pages and /v1/vms/{id} with --read-vms VMs seeded
          --read-vms N             VMs seeded for the read load (default 5000)
          --read-rps N             target requests per second (default 500)
          --read-clients N         closed-loop clients (default 50)
          --read-seconds N         duration (default 20)
          --read-cpu               worker CPU per GET /v1/vms?page_size=100 against the read floor (a plain ASP.NET Core
                                   app, same query and JSON) with --read-vms VMs; no sshd; summary line:
                                   "worker cpu per read: X ms, floor: Y ms, ratio: Z, p99: W ms at R rps"
          --read-cpu-requests N    reads per server per round (default 3000)
          --read-cpu-rps N         fixed send rate, open loop (default 100)
          --read-cpu-rounds N      rounds, alternating worker and floor (default 2)
          --read-cpu-warm-up N     reads per server before the rounds, not counted (default 500)
          --skip-provision         no provisioning bursts (e.g. only --reads or --ssh-sessions)
          --quiet-logs             the worker logs at Warning (default: as host.json and the app configure it)
          --help                   this text
        The summary (last line) gives the speedup over the baseline, the commits per request, the p99 latency and the
        bound ratio: the group burst's wall time over the router's own bound, the sum of its sessions' router-side
        costs (set/delete x command delay + commits x commit delay + one round trip per strictly sequential step),
        counted from the commands the simulated router logged during the burst (over http-api: its requests, each one
        step, a /configure paying its set/delete entries and one commit).
        """;

    public const string SshTransport = "ssh";

    public const string HttpApiTransport = "http-api";

    public string Transport { get; init; } = SshTransport;

    public IReadOnlyList<int> Concurrency { get; init; } = [100];

    public int CommitDelayMs { get; init; } = 1500;

    public int CommandDelayMs { get; init; }

    public int RttMs { get; init; }

    public bool Help { get; init; }

    public RouterCostModel RouterModel => new(CommitDelayMs, CommandDelayMs, RttMs);

    public bool CompareBaseline { get; init; }

    public int BaselineMax { get; init; } = 100;

    public int SshSessions { get; init; }

    public bool Reads { get; init; }

    public int ReadVms { get; init; } = 5000;

    public double ReadRps { get; init; } = 500;

    public int ReadClients { get; init; } = 50;

    public int ReadSeconds { get; init; } = 20;

    public bool QuietLogs { get; init; }

    public bool ReadCpu { get; init; }

    public int ReadCpuRequests { get; init; } = 3000;

    public double ReadCpuRps { get; init; } = 100;

    public int ReadCpuRounds { get; init; } = 2;

    public int ReadCpuWarmUp { get; init; } = 500;

    public bool SkipProvision { get; init; }

    /// <exception cref="ArgumentException">An option is unknown or its value is not a positive number.</exception>
    public static HarnessOptions Parse(IReadOnlyList<string> arguments)
    {
        var options = new HarnessOptions();
        for (var index = 0; index < arguments.Count; index++)
        {
            var name = arguments[index];
            string Value() => index + 1 < arguments.Count ? arguments[++index] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--transport" => options with { Transport = ParseTransport(name, Value()) },
                "--concurrency" => options with { Concurrency = Value().Split(',').Select(text => Positive(name, text)).ToList() },
                "--commit-delay-ms" => options with { CommitDelayMs = NonNegative(name, Value()) },
                "--command-delay-ms" => options with { CommandDelayMs = NonNegative(name, Value()) },
                "--rtt-ms" => options with { RttMs = NonNegative(name, Value()) },
                "--help" or "-h" => options with { Help = true },
                "--compare-baseline" => options with { CompareBaseline = true },
                "--baseline-max" => options with { BaselineMax = Positive(name, Value()) },
                "--ssh-sessions" => options with { SshSessions = Positive(name, Value()) },
                "--reads" => options with { Reads = true },
                "--read-vms" => options with { ReadVms = Positive(name, Value()) },
                "--read-rps" => options with { ReadRps = Positive(name, Value()) },
                "--read-clients" => options with { ReadClients = Positive(name, Value()) },
                "--read-seconds" => options with { ReadSeconds = Positive(name, Value()) },
                "--read-cpu" => options with { ReadCpu = true },
                "--read-cpu-requests" => options with { ReadCpuRequests = Positive(name, Value()) },
                "--read-cpu-rps" => options with { ReadCpuRps = Positive(name, Value()) },
                "--read-cpu-rounds" => options with { ReadCpuRounds = Positive(name, Value()) },
                "--read-cpu-warm-up" => options with { ReadCpuWarmUp = Positive(name, Value()) },
                "--skip-provision" => options with { SkipProvision = true },
                "--quiet-logs" => options with { QuietLogs = true },
                _ => throw new ArgumentException($"unknown option '{name}'"),
            };
        }

        if (options.Transport == HttpApiTransport && options.SshSessions > 0)
        {
            throw new ArgumentException("--ssh-sessions measures SSH connection reuse: not with --transport http-api");
        }

        return options;
    }

    private static string ParseTransport(string name, string text) => text is SshTransport or HttpApiTransport
        ? text
        : throw new ArgumentException($"{name} '{text}' must be {SshTransport} or {HttpApiTransport}");

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} '{text}' must be a positive whole number");

    private static int NonNegative(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} '{text}' must be a whole number");
}
