using NatFunctions.VyosSimulator;

namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// <c>init --config FILE</c> keeps FILE's lines as they are, with the one documented normalisation: CRLF becomes LF
/// and blank lines go (real <c>show configuration commands</c> output has none).
/// </summary>
public sealed class InitRoundTripTests
{
    [Fact]
    public void Crlf_and_blank_lines_are_normalised_and_everything_else_prints_back_verbatim()
    {
        var directory = Directory.CreateTempSubdirectory("nf-sim-init-").FullName;
        try
        {
            var file = Path.Combine(directory, "config");
            File.WriteAllText(file, "set nat destination rule 100 description 'Regular destination NAT from external'\r\n\r\nset nat destination rule 100 inbound-interface 'pppoe0'\r\n\n");
            using var error = new StringWriter();

            var exitCode = InitCommand.Run(new Dictionary<string, string?> { ["state-dir"] = Path.Combine(directory, "state"), ["config"] = file }, error);

            using var router = new StringWriter();
            var state = new NatFunctions.VyosSimulator.State.StateDirectory(Path.Combine(directory, "state"));
            var session = new CliSession(
                new ShellOptions { StateDirectory = state.Path, Version = VyosRelease.V1_3, UserName = "vyos", HostName = "vyos" },
                state,
                router,
                router,
                TerminalInput.FromAnswers([]),
                TimeProvider.System);
            session.Execute("show configuration commands", CancellationToken.None);

            Assert.Equal(0, exitCode);
            Assert.Equal(string.Empty, error.ToString());
            Assert.Equal(
                "set nat destination rule 100 description 'Regular destination NAT from external'\nset nat destination rule 100 inbound-interface 'pppoe0'\n",
                router.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
