namespace NatFunctions.EndToEndTests.Security;

/// <summary>
/// One hostile request: <paramref name="Body"/> is sent as it is (bytes, so invalid UTF-8 can be sent too).
/// <paramref name="ExpectedField"/> null means "any field may be named" (malformed JSON has no field to name).
/// </summary>
public sealed record HostileCase(string Description, string Method, string Path, byte[] Body, int ExpectedStatus, HostileField? ExpectedField)
{
    public override string ToString() => $"{Method} {Path} {Description}";
}
