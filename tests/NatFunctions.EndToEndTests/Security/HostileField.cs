namespace NatFunctions.EndToEndTests.Security;

/// <summary>A field of a request body by its path as error maps name it (<c>forwards[0].internal_port</c>).</summary>
public sealed record HostileField(string Path, HostileFieldKind Kind, bool Required = false)
{
    /// <summary>Whether <paramref name="errorKey"/> names this field or a part of it (<c>ports[1]</c> for <c>ports</c>).</summary>
    public bool IsNamedBy(string errorKey) =>
        errorKey == Path || errorKey.StartsWith(Path + "[", StringComparison.Ordinal) || errorKey.StartsWith(Path + ".", StringComparison.Ordinal);
}
