using System.Globalization;
using NatFunctions.Core.Results;
using System.Text.RegularExpressions;

namespace NatFunctions.Core.Audit;

/// <summary>GET /v1/admin/changes: the audit of router sessions, newest first, keyset-paged.</summary>
public sealed partial class ChangeQueries(IRouterChangeLog log)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public async Task<OperationResult<ChangeListPage>> ListAsync(
        string? router, string? cursor, string? pageSizeText, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var pageSize = DefaultPageSize;
        if (pageSizeText is not null
            && (!int.TryParse(pageSizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add("page_size", $"must be a whole number from 1 to {MaxPageSize}");
        }

        long? beforeId = null;
        if (cursor is not null)
        {
            if (ChangeCursor.TryDecode(cursor, out var decoded))
            {
                beforeId = decoded;
            }
            else
            {
                errors.Add("cursor", "is not a cursor returned by this API");
            }
        }

        if (router is not null && !RouterNamePattern().IsMatch(router))
        {
            errors.Add("router", "must be a router name: letters, digits, '_' and '-', 1 to 63 characters");
        }

        if (!errors.IsEmpty)
        {
            return OperationError.Validation(errors);
        }

        var page = await log.ListAsync(router, beforeId, pageSize, cancellationToken);
        var items = page.Items.Select(ChangeView.From).ToList();
        var next = page.HasMore && items.Count > 0 ? ChangeCursor.Encode(items[^1].Id) : null;
        return new ChangeListPage(items, next);
    }

    // The shape router names are configured with (RouterSettingsValidator); anything else cannot name a router.
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,63}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RouterNamePattern();
}
