using System.Text.Json.Serialization;

namespace NatFunctions.Http;

/// <summary>
/// A text field that tells "absent" from an explicit JSON <c>null</c>, which <c>string?</c> cannot: for
/// <c>update</c>, absent keeps a value and null removes it. <see cref="IsPresent"/> is false when the property was
/// not sent; <see cref="Value"/> is null when it was sent as null.
/// </summary>
[JsonConverter(typeof(ClearableTextConverter))]
public readonly record struct ClearableText(bool IsPresent, string? Value)
{
    public bool IsExplicitNull => IsPresent && Value is null;
}
