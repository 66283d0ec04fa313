namespace NatFunctions.VyosSimulator.Schema;

/// <summary>
/// One VyOS validator (a script under <c>/usr/libexec/vyos/validators</c> or a <c>&lt;regex&gt;</c>): whether it accepts a
/// value, and what it prints when it does not (null when it prints nothing, like a regex).
/// </summary>
internal sealed record ValueValidator(Func<string, bool> Accepts, Func<string, string?> FailureText);
