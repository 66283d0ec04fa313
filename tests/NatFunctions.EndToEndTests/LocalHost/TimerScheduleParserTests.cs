using NatFunctions.LocalHost.Settings;
using NatFunctions.LocalHost.Timers;

namespace NatFunctions.EndToEndTests.LocalHost;

public sealed class TimerScheduleParserTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 7, TimeSpan.Zero);

    [Fact]
    public void Six_field_ncrontab_counts_seconds()
    {
        var schedule = TimerScheduleParser.Parse("*/15 * * * * *", TimeZoneInfo.Utc);

        Assert.Equal(Start.AddSeconds(8), schedule.GetNextOccurrence(Start));
    }

    [Fact]
    public void Ncrontab_is_evaluated_in_the_given_time_zone()
    {
        var plusTwo = TimeZoneInfo.CreateCustomTimeZone("plus-two", TimeSpan.FromHours(2), "plus-two", "plus-two");
        var schedule = TimerScheduleParser.Parse("0 0 13 * * *", plusTwo);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero), schedule.GetNextOccurrence(Start).ToUniversalTime());
    }

    [Fact]
    public void A_timespan_schedule_is_an_interval()
    {
        var schedule = TimerScheduleParser.Parse("00:05:00", TimeZoneInfo.Utc);

        Assert.Equal(Start.AddMinutes(5), schedule.GetNextOccurrence(Start));
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("every five minutes")]
    [InlineData("61 * * * * *")]
    public void Five_field_cron_and_nonsense_are_rejected(string expression)
        => Assert.Throws<FormatException>(() => TimerScheduleParser.Parse(expression, TimeZoneInfo.Utc));

    [Fact]
    public void Placeholders_resolve_from_settings_with_either_key_separator()
    {
        var settings = new AppSettings(new Dictionary<string, string> { ["Sync__Schedule"] = "0 */5 * * * *" });

        Assert.Equal("0 */5 * * * *", settings.ResolvePlaceholders("%Sync:Schedule%"));
        Assert.Equal("x", settings.ResolvePlaceholders("x"));
    }

    [Fact]
    public void A_missing_placeholder_setting_names_the_setting()
    {
        var settings = new AppSettings(new Dictionary<string, string>());

        var missing = Assert.Throws<MissingAppSettingException>(() => settings.ResolvePlaceholders("%SyncSchedule%"));

        Assert.Equal("SyncSchedule", missing.SettingName);
    }
}
