namespace NatFunctions.VyosSimulator.State;

/// <summary>A reboot (commit-confirm revert on 1.3/1.4): sessions alive at <see cref="Start"/> drop; logins fail until <see cref="End"/>.</summary>
internal sealed record RebootWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool IsDown(DateTimeOffset now) => now >= Start && now < End;
}
