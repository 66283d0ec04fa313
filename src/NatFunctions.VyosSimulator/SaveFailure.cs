namespace NatFunctions.VyosSimulator;

/// <summary>
/// What a failing <c>save</c> prints. 1.4/1.5 run src/helpers/vyos-save-config.py, which does not catch the
/// error: Python prints a traceback ending in the exception line (e.g. <c>OSError: [Errno 28] No space left on
/// device</c>). 1.3's vyatta-save-config.pl prints the fault text as given.
/// </summary>
internal static class SaveFailure
{
    public static string Text(VyosRelease release, string failure)
    {
        if (release.IsEquuleus || failure.StartsWith("Traceback", StringComparison.Ordinal)) return failure.TrimEnd('\n') + "\n";

        // sagitta vyos-save-config.py line 54 `with open(write_file, 'w') as f:` (the flush on close fails);
        // current writes through add_system_version(config_str, write_file).
        var frame = release.IsSagitta
            ? "  File \"/usr/libexec/vyos/vyos-save-config.py\", line 54, in <module>\n    with open(write_file, 'w') as f:\n"
            : "  File \"/usr/libexec/vyos/vyos-save-config.py\", line 59, in <module>\n    add_system_version(config_str, write_file)\n";
        return "Traceback (most recent call last):\n" + frame + failure.TrimEnd('\n') + "\n";
    }
}
