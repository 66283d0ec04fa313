using System.Globalization;
using BenchmarkDotNet.Running;
using NatFunctions.Benchmarks;

if (args.Length > 0 && args[0] == "stages")
{
    ReconcileStageProfile.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 90_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
