using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace NatFunctions.Core.Audit;

/// <summary>
/// Setting <c>Audit:RetentionDays</c> (default 90, 1 to 3650): how long audited router sessions are kept. The sync
/// timer deletes older ones after each run; without it the table grows by one row per router per timer run, forever.
/// </summary>
public sealed record AuditRetention(int Days)
{
    public const string SettingName = "Audit:RetentionDays";
    public const int DefaultDays = 90;
    public const int MaxDays = 3650;

    public TimeSpan Period => TimeSpan.FromDays(Days);

    /// <exception cref="InvalidOperationException">The setting is not a whole number of days in range.</exception>
    public static AuditRetention FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new AuditRetention(DefaultDays);
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxDays)
        {
            return new AuditRetention(days);
        }

        throw new InvalidOperationException($"{SettingName} '{text}' must be a whole number of days from 1 to {MaxDays}");
    }
}
