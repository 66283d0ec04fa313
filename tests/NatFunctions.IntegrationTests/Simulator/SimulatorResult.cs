namespace NatFunctions.IntegrationTests.Simulator;

internal sealed record SimulatorResult(int ExitCode, string Stdout, string Stderr);
