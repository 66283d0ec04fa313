namespace NatFunctions.VyosSimulator.Tests;

internal sealed record SimulatorResult(int ExitCode, string Stdout, string Stderr);
