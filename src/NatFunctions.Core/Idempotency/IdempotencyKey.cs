using System.Text.RegularExpressions;

namespace NatFunctions.Core.Idempotency;

/// <summary>
/// The value of the <c>Idempotency-Key</c> header: 1–128 characters of <c>[A-Za-z0-9._:-]</c>, enough for a UUID, a
/// ULID or a pipeline's "run:step" name, and nothing that could smuggle anything into a log line.
/// </summary>
public static partial class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 128;
    public const string Rule = "must be 1 to 128 characters of letters, digits, '.', '_', ':' and '-'";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    // Anchored and linear over a bounded run: no match timeout, which only ever fired on valid input when the CPU was
    // starved (a RegexMatchTimeoutException answered a valid pool name with a 500 at load 24).
    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
