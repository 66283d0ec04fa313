namespace NatFunctions.EndToEndTests.Security;

/// <summary>
/// An endpoint that takes a JSON body, a <see cref="ValidBody"/> it would accept (so that a 400 can only come from
/// the one field made hostile) and every field of that body. <c>{key_id}</c> in the path is the fixture's key.
/// </summary>
public sealed record HostileEndpoint(string Name, string Method, string Path, string ValidBody, IReadOnlyList<HostileField> Fields);
