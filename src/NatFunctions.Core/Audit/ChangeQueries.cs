using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;

namespace NatFunctions.Core.Audit;

/// <summary>
/// GET /v1/admin/changes: the audit of router sessions, newest first, keyset-paged, filtered by router, result,
/// trigger and start time. A page holds at most <see cref="MaxPageBytes"/> of command and output text (at least one
/// session whatever its size), so 500 sessions of a big router cannot make a response of hundreds of megabytes; a
/// page cut by the budget has a <c>next_cursor</c> like any other.
/// </summary>
public sealed partial class ChangeQueries(IRouterChangeLog log)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxPageBytes = 1024 * 1024;

    private static readonly IReadOnlyDictionary<string, ChangeResult> Results = NamesOf<ChangeResult>();
    private static readonly IReadOnlyDictionary<string, ChangeTrigger> Triggers = NamesOf<ChangeTrigger>();

    public async Task<OperationResult<ChangeListPage>> ListAsync(ChangeQueryText query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new FieldErrors();
        var pageSize = DefaultPageSize;
        if (query.PageSize is not null
            && (!int.TryParse(query.PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add("page_size", $"must be a whole number from 1 to {MaxPageSize}");
        }

        long? beforeId = null;
        if (query.Cursor is not null)
        {
            if (ChangeCursor.TryDecode(query.Cursor, out var decoded))
            {
                beforeId = decoded;
            }
            else
            {
                errors.Add("cursor", "is not a cursor returned by this API");
            }
        }

        if (query.Router is not null && !RouterNamePattern().IsMatch(query.Router))
        {
            errors.Add("router", "must be a router name: letters, digits, '_' and '-', 1 to 63 characters");
        }

        var result = Choice(query.Result, Results, "result", errors);
        var trigger = Choice(query.Trigger, Triggers, "trigger", errors);
        var since = Instant(query.Since, "since", errors);
        var until = Instant(query.Until, "until", errors);
        if (since is not null && until is not null && since >= until)
        {
            errors.Add("until", "must be later than since");
        }

        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        var page = await log.ListAsync(new ChangeFilter(query.Router, result, trigger, since, until), beforeId, pageSize, cancellationToken);
        var items = new List<ChangeView>();
        var bytes = 0L;
        foreach (var change in page.Items)
        {
            var size = Encoding.UTF8.GetByteCount(change.Commands) + Encoding.UTF8.GetByteCount(change.RouterOutput ?? string.Empty);
            if (items.Count > 0 && bytes + size > MaxPageBytes)
            {
                break;
            }

            bytes += size;
            items.Add(ChangeView.From(change));
        }

        var hasMore = page.HasMore || items.Count < page.Items.Count;
        var next = hasMore && items.Count > 0 ? ChangeCursor.Encode(items[^1].Id) : null;
        return new ChangeListPage(items, next);
    }

    private static T? Choice<T>(string? text, IReadOnlyDictionary<string, T> names, string field, FieldErrors errors)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        errors.Add(field, "must be one of " + string.Join(", ", names.Keys));
        return null;
    }

    // RFC 3339 with an offset or Z, as the API writes timestamps; read as the UTC instant it names.
    private static DateTime? Instant(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        var hasZone = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (hasZone
            && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant.UtcDateTime;
        }

        errors.Add(field, "must be an RFC 3339 timestamp with a time zone, e.g. 2026-12-01T00:00:00Z");
        return null;
    }

    // The snake_case names the API writes for the enum (committed, transport_error, …).
    private static IReadOnlyDictionary<string, T> NamesOf<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(value => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()), value => value, StringComparer.Ordinal);

    // The shape router names are configured with (RouterSettingsValidator); anything else cannot name a router.
    // Anchored and linear over a bounded run: no match timeout (see ResourceName).
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RouterNamePattern();
}
