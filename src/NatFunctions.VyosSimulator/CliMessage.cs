namespace NatFunctions.VyosSimulator;

/// <summary>
/// A message block as vyatta-cfg prints it (<c>vyatta_cfg_print_output</c>): a blank line, every line indented by two
/// spaces (empty lines become two spaces), then a blank line. Path errors go to stderr, value errors to stdout.
/// </summary>
internal sealed record CliMessage(IReadOnlyList<string> Lines, bool ToStandardError = false)
{
    public string Render() => "\n" + string.Concat(Lines.Select(line => "  " + line + "\n")) + "\n";
}
