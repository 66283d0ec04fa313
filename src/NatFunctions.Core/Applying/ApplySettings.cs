using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace NatFunctions.Core.Applying;

/// <summary>
/// <c>Apply:WaitSeconds</c> (default 30: how long a writer waits for the commit carrying its change),
/// <c>Apply:LeaseWaitSeconds</c> (default 60: how long a
/// session waits for another instance's session on the same router), <c>Apply:ReadFailureCacheSeconds</c> (default 5:
/// how long a failed reservation read of a router is remembered, so callers do not each wait for a router that is
/// down) and <c>Sync:Mode</c> (<c>repair</c> | <c>report</c>).
/// </summary>
public sealed record ApplySettings(TimeSpan Wait, TimeSpan LeaseWait, SyncMode SyncMode)
{
    /// <summary>How long a failed reservation read is answered from memory (no reservations) before the router is read again.</summary>
    public TimeSpan ReadFailureCache { get; init; } = TimeSpan.FromSeconds(5);

    public static ApplySettings Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), SyncMode.Repair);

    /// <exception cref="InvalidOperationException">A setting has a value that is not understood.</exception>
    public static ApplySettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ApplySettings(
            Seconds(configuration, "Apply:WaitSeconds", Default.Wait),
            Seconds(configuration, "Apply:LeaseWaitSeconds", Default.LeaseWait),
            Choice(configuration, "Sync:Mode", new Dictionary<string, SyncMode> { ["repair"] = SyncMode.Repair, ["report"] = SyncMode.Report }, Default.SyncMode))
        {
            ReadFailureCache = Seconds(configuration, "Apply:ReadFailureCacheSeconds", Default.ReadFailureCache),
        };
    }

    private static TimeSpan Seconds(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 3600)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        throw new InvalidOperationException($"{key} '{text}' must be a whole number of seconds from 0 to 3600");
    }

    private static T Choice<T>(IConfiguration configuration, string key, Dictionary<string, T> choices, T fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (choices.TryGetValue(text.Trim().ToLowerInvariant(), out var value)) return value;
        throw new InvalidOperationException($"{key} '{text}' must be one of {string.Join(", ", choices.Keys)}");
    }
}
