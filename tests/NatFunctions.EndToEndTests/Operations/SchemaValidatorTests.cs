using System.Text.Json;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>The validator's keywords against values that fit and values that do not; it checks the real document.</summary>
public sealed class SchemaValidatorTests
{
    private static readonly JsonElement Document = JsonDocument.Parse("""
        {
          "components": { "schemas": {
            "Port": { "type": "integer", "minimum": 1, "maximum": 65535 },
            "Strict": {
              "type": "object",
              "properties": { "name": { "type": "string", "minLength": 2, "maxLength": 4 }, "port": { "$ref": "#/components/schemas/Port" } },
              "required": ["name"],
              "additionalProperties": false
            }
          } }
        }
        """).RootElement.Clone();

    private readonly SchemaValidator validator = new(Document);

    [Theory]
    [InlineData("""{ "$ref": "#/components/schemas/Strict" }""", """{"name":"ab","port":80}""")]
    [InlineData("""{ "type": ["string", "null"] }""", "null")]
    [InlineData("""{ "type": "integer" }""", "7")]
    [InlineData("""{ "type": "array", "items": { "type": "string" }, "minItems": 1 }""", """["a"]""")]
    [InlineData("""{ "enum": ["ok", "error"] }""", "\"ok\"")]
    [InlineData("""{ "const": "3.1.0" }""", "\"3.1.0\"")]
    [InlineData("""{ "anyOf": [{ "type": "null" }, { "$ref": "#/components/schemas/Port" }] }""", "443")]
    [InlineData("""{ "type": "string", "pattern": "^nfk_[a-z]+$" }""", "\"nfk_abc\"")]
    [InlineData("""{ "type": "string", "format": "date-time" }""", "\"2026-11-25T19:53:05.1158149Z\"")]
    [InlineData("""{ "type": "string", "format": "date-time" }""", "\"2030-01-01T00:00:00+01:00\"")]
    [InlineData("""{ "type": "string", "format": "ipv4" }""", "\"192.168.64.10\"")]
    [InlineData("""{ "type": "object", "additionalProperties": { "$ref": "#/components/schemas/Port" } }""", """{"ssh":32000}""")]
    public void A_value_that_fits_has_no_errors(string schema, string value) =>
        Assert.Empty(validator.Validate(Parse(schema), Parse(value)));

    [Theory]
    [InlineData("""{ "$ref": "#/components/schemas/Strict" }""", """{"port":80}""", "missing required property name")]
    [InlineData("""{ "$ref": "#/components/schemas/Strict" }""", """{"name":"ab","extra":1}""", "property extra is not in the document")]
    [InlineData("""{ "$ref": "#/components/schemas/Strict" }""", """{"name":"abcde"}""", "$.name: longer than 4")]
    [InlineData("""{ "$ref": "#/components/schemas/Strict" }""", """{"name":"a"}""", "$.name: shorter than 2")]
    [InlineData("""{ "$ref": "#/components/schemas/Strict" }""", """{"name":"ab","port":0}""", "$.port: below minimum")]
    [InlineData("""{ "$ref": "#/components/schemas/Port" }""", "70000", "above maximum")]
    [InlineData("""{ "type": "integer" }""", "7.5", "expected integer")]
    [InlineData("""{ "type": ["string", "null"] }""", "1", "expected string or null")]
    [InlineData("""{ "type": "array", "items": { "type": "string" } }""", """["a", 2]""", "$[1]: expected string")]
    [InlineData("""{ "type": "array", "minItems": 1 }""", "[]", "fewer than 1 items")]
    [InlineData("""{ "enum": ["ok", "error"] }""", "\"fine\"", "is not one of")]
    [InlineData("""{ "const": "3.1.0" }""", "\"3.0.3\"", "is not \"3.1.0\"")]
    [InlineData("""{ "anyOf": [{ "type": "null" }, { "$ref": "#/components/schemas/Port" }] }""", "\"x\"", "matches no anyOf branch")]
    [InlineData("""{ "type": "string", "pattern": "^nfk_[a-z]+$" }""", "\"key_abc\"", "does not match")]
    [InlineData("""{ "type": "string", "format": "date-time" }""", "\"2026-11-25T19:53:05\"", "is not a date-time")]
    [InlineData("""{ "type": "string", "format": "date-time" }""", "\"2026-13-45T19:53:05Z\"", "is not a date-time")]
    [InlineData("""{ "type": "string", "format": "ipv4" }""", "\"192.168.64.300\"", "is not a ipv4")]
    [InlineData("""{ "type": "object", "additionalProperties": { "$ref": "#/components/schemas/Port" } }""", """{"ssh":"22"}""", "$.ssh: expected integer")]
    public void A_value_that_does_not_fit_is_reported_with_where_and_why(string schema, string value, string expected)
    {
        var errors = validator.Validate(Parse(schema), Parse(value));

        Assert.Contains(errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "oneOf": [{ "type": "string" }] }""")]
    [InlineData("""{ "type": "string", "format": "uuid" }""")]
    [InlineData("""{ "$ref": "https://example.com/schema.json" }""")]
    public void A_keyword_or_format_it_cannot_check_fails_loudly(string schema) =>
        Assert.Throws<NotSupportedException>(() => validator.Validate(Parse(schema), Parse("\"x\"")));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
