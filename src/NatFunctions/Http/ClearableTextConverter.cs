using System.Text.Json;
using System.Text.Json.Serialization;

namespace NatFunctions.Http;

/// <summary>
/// Reads <see cref="ClearableText"/>. The serializer calls a converter only for properties that are present, so every
/// call (a JSON null too, as <see cref="HandleNull"/> is on) marks the field present. Anything but a string or null
/// is the same "could not be converted" error the serializer gives a <c>string?</c>, so the caller sees the field named.
/// </summary>
public sealed class ClearableTextConverter : JsonConverter<ClearableText>
{
    public override bool HandleNull => true;

    public override ClearableText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => new ClearableText(true, null),
        JsonTokenType.String => new ClearableText(true, reader.GetString()),
        _ => throw new JsonException("The JSON value could not be converted to a string."),
    };

    public override void Write(Utf8JsonWriter writer, ClearableText value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }
}
