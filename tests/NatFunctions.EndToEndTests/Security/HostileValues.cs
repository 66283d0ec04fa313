using System.Text.Encodings.Web;
using System.Text.Json;

namespace NatFunctions.EndToEndTests.Security;

/// <summary>The hostile values per field kind, each as the raw JSON token that replaces the field's value.</summary>
public static class HostileValues
{
    /// <summary>Strings just under the body limit: long enough to hurt, small enough to reach validation.</summary>
    public const int LongStringLength = 60_000;

    private static readonly JsonSerializerOptions RawUnicode = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Shell and quoting attacks, control characters and look-alikes; none is a valid value of any field.</summary>
    public static readonly string[] Strings =
    [
        "",
        " ",
        "x'quote",
        "x\"dquote",
        "x\\backslash",
        "x;reboot",
        "$(reboot)",
        "`reboot`",
        "x\nset nat destination rule 1 translation address 6.6.6.6",
        "x\rreturn",
        "x\ttab",
        "x\u0000nul",
        "x\u001bescape",
        "x\u007fdel",
        "x\u2028line",
        "web-01\n",
        "web-01\r\n",
        "web-01\u2028",
        "x\u200bzero-width",
        "\u0430dmin",
        "l\u0430n",
        "x\u2010hyphen",
        "\uff11\uff19\uff12.\uff11\uff16\uff18.\uff16\uff14.\uff15",
        "\u202egnp.exe",
        new string('a', LongStringLength),
    ];

    /// <summary>Line breaks a whole-value check must not let through after a valid value (\n, \r\n, U+2028, U+2029, U+0085).</summary>
    public static readonly string[] LineBreaks = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085"];

    private static readonly string[] NotStrings = ["123", "true", "[]", "{}", "[\"ssh\"]"];

    private static readonly string[] Addresses =
        ["256.1.1.1", "192.168.64.5/33", "192.168.64.5;reboot", "192.168.64.5 ", "::1", "0x7f.0.0.1", "52:54:00:zz:00:01", "52-54-00-00-00-01-02"];

    private static readonly string[] Timestamps = ["tomorrow", "2099-13-01T00:00:00Z", "2099-01-01T00:00:00Z;", "1999-01-01T00:00:00Z"];

    private static readonly string[] Ports =
    [
        "-1", "0", "65536", "2147483648", "-2147483649", "1e400", "1.5", "80.0", "\"80\"", "\"\uff18\uff10\"", "true", "[]", "{}", "[80]",
    ];

    private static readonly string[] Booleans = ["\"true\"", "1", "0", "\"yes\"", "[]", "{}"];

    private static readonly string[] WordArrays = ["\"ssh\"", "{}", "1", "[1]", "[[]]", "[{}]", "[\"ssh\",\"ssh\"]", "[\"SSH\"]", "[\"ssh;reboot\"]", "[null]"];

    private static readonly string[] ObjectArrays = ["\"x\"", "{}", "1", "[1]", "[\"x\"]", "[null]", "[[]]", "[{\"port_name\":\"x;y\",\"internal_port\":80}]"];

    private static readonly string[] JsonObjects =
    [
        "\"x\"", "[]", "1", "true",
        new string('[', 40) + new string(']', 40),
        "{\"a\":" + new string('[', 30) + new string(']', 30) + "}",
        JsonSerializer.Serialize(new { notes = new string('n', 5000) }),
    ];

    /// <summary>Every hostile raw JSON value for a field, with a short label for failure messages.</summary>
    public static IEnumerable<(string Label, string Json)> For(HostileField field)
    {
        var values = field.Kind switch
        {
            HostileFieldKind.Word or HostileFieldKind.Description => Strings.Select(Quote).Concat(NotStrings),
            HostileFieldKind.Address => Strings.Concat(Addresses).Select(Quote).Concat(NotStrings),
            HostileFieldKind.Timestamp => Strings.Concat(Timestamps).Select(Quote).Concat(NotStrings),
            HostileFieldKind.Port => Ports,
            HostileFieldKind.Boolean => Booleans,
            HostileFieldKind.WordArray => WordArrays,
            HostileFieldKind.ObjectArray => ObjectArrays,
            HostileFieldKind.JsonObject => JsonObjects,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        if (field.Required)
        {
            values = values.Append("null");
        }

        return values.Select(json => (Label(json), json));
    }

    public static string Quote(string text) => JsonSerializer.Serialize(text, RawUnicode);

    private static string Label(string json) => json.Length > 40 ? $"{json[..20]}…({json.Length} chars)" : json;
}
