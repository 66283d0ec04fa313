using System.Text.Json;
using System.Text.RegularExpressions;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>
/// The subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that docs/openapi.json is written in: <c>$ref</c>
/// (local), <c>type</c> (one or a list, for nullable), <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>minItems</c>, <c>enum</c>, <c>const</c>, <c>anyOf</c>,
/// <c>minimum</c>, <c>maximum</c>, <c>minLength</c>, <c>maxLength</c>, <c>pattern</c> and <c>format</c>, which is
/// asserted (not just an annotation) for the formats in <see cref="Formats"/>. Any other keyword or format fails
/// loudly, so the document cannot quietly rely on something this does not check.
/// </summary>
public sealed partial class SchemaValidator(JsonElement document)
{
    private static readonly HashSet<string> Annotations = ["description", "title", "example", "examples", "default"];

    private static readonly Dictionary<string, Func<string, bool>> Formats = new(StringComparer.Ordinal)
    {
        ["date-time"] = text => DateTimeFormat().IsMatch(text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
        ["ipv4"] = text => Ipv4Format().IsMatch(text) && text.Split('.').All(part => int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) <= 255),
    };

    public IReadOnlyList<string> Validate(JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        Check(schema, value, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            switch (keyword.Name)
            {
                case "$ref":
                    Check(Resolve(keyword.Value.GetString()!), value, path, errors);
                    break;
                case "type":
                    var types = keyword.Value.ValueKind == JsonValueKind.Array
                        ? keyword.Value.EnumerateArray().Select(t => t.GetString()!).ToList()
                        : [keyword.Value.GetString()!];
                    if (!types.Any(type => HasType(value, type)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, got {value.ValueKind}");
                        return;
                    }

                    break;
                case "properties":
                    if (value.ValueKind != JsonValueKind.Object) break;
                    foreach (var property in keyword.Value.EnumerateObject())
                    {
                        if (value.TryGetProperty(property.Name, out var child))
                        {
                            Check(property.Value, child, $"{path}.{property.Name}", errors);
                        }
                    }

                    break;
                case "required":
                    if (value.ValueKind != JsonValueKind.Object) break;
                    foreach (var name in keyword.Value.EnumerateArray().Select(n => n.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: missing required property {name}");
                    }

                    break;
                case "additionalProperties":
                    if (value.ValueKind != JsonValueKind.Object) break;
                    var declared = schema.TryGetProperty("properties", out var properties)
                        ? properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
                        : [];
                    foreach (var extra in value.EnumerateObject().Where(p => !declared.Contains(p.Name)))
                    {
                        if (keyword.Value.ValueKind == JsonValueKind.False)
                        {
                            errors.Add($"{path}: property {extra.Name} is not in the document");
                        }
                        else if (keyword.Value.ValueKind == JsonValueKind.Object)
                        {
                            Check(keyword.Value, extra.Value, $"{path}.{extra.Name}", errors);
                        }
                    }

                    break;
                case "items":
                    if (value.ValueKind != JsonValueKind.Array) break;
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(keyword.Value, item, $"{path}[{index++}]", errors);
                    }

                    break;
                case "enum":
                    if (!keyword.Value.EnumerateArray().Any(allowed => JsonElement.DeepEquals(allowed, value)))
                    {
                        errors.Add($"{path}: {value.GetRawText()} is not one of {keyword.Value.GetRawText()}");
                    }

                    break;
                case "anyOf":
                    var branches = keyword.Value.EnumerateArray().Select(branch => Validate(branch, value)).ToList();
                    if (branches.All(branch => branch.Count > 0))
                    {
                        errors.Add($"{path}: matches no anyOf branch ({string.Join("; ", branches.SelectMany(b => b))})");
                    }

                    break;
                case "const":
                    if (!JsonElement.DeepEquals(keyword.Value, value))
                    {
                        errors.Add($"{path}: {value.GetRawText()} is not {keyword.Value.GetRawText()}");
                    }

                    break;
                case "minItems":
                    if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() < keyword.Value.GetInt32()) errors.Add($"{path}: fewer than {keyword.Value.GetInt32()} items");
                    break;
                case "minLength":
                    if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length < keyword.Value.GetInt32()) errors.Add($"{path}: shorter than {keyword.Value.GetInt32()} characters");
                    break;
                case "maxLength":
                    if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length > keyword.Value.GetInt32()) errors.Add($"{path}: longer than {keyword.Value.GetInt32()} characters");
                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, keyword.Value.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
                    {
                        errors.Add($"{path}: {value.GetRawText()} does not match {keyword.Value.GetString()}");
                    }

                    break;
                case "format":
                    if (!Formats.TryGetValue(keyword.Value.GetString()!, out var fits))
                    {
                        throw new NotSupportedException($"Format '{keyword.Value.GetString()}' at {path} is not supported by this validator.");
                    }

                    if (value.ValueKind == JsonValueKind.String && !fits(value.GetString()!))
                    {
                        errors.Add($"{path}: {value.GetRawText()} is not a {keyword.Value.GetString()}");
                    }

                    break;
                case "minimum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDouble() < keyword.Value.GetDouble()) errors.Add($"{path}: below minimum");
                    break;
                case "maximum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDouble() > keyword.Value.GetDouble()) errors.Add($"{path}: above maximum");
                    break;
                default:
                    if (!Annotations.Contains(keyword.Name))
                    {
                        throw new NotSupportedException($"Schema keyword '{keyword.Name}' at {path} is not supported by this validator.");
                    }

                    break;
            }
        }
    }

    /// <summary>The element a local reference (<c>#/components/...</c>) points at.</summary>
    public JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references are supported: {reference}");
        }

        var node = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            node = node.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"Unknown type {type}"),
    };

    // RFC 3339 date-time: a full date, a time and an offset (Z or ±hh:mm); DateTimeOffset alone accepts much more.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimeFormat();

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}$")]
    private static partial Regex Ipv4Format();
}
