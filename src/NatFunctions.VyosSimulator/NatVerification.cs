namespace NatFunctions.VyosSimulator;

/// <summary>
/// What the NAT conf script's <c>verify()</c> said: the <c>ConfigError</c> that stops the commit (null: none, unwrapped)
/// and the non-fatal warnings it printed on the way (commit still succeeds).
/// </summary>
internal sealed record NatVerification(string? Error, IReadOnlyList<string> Warnings);
