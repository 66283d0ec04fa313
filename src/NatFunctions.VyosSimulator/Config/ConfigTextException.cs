namespace NatFunctions.VyosSimulator.Config;

/// <summary>A line of a configuration file that is not a <c>set</c>/<c>comment</c> command as VyOS prints them.</summary>
internal sealed class ConfigTextException(int lineNumber, string line, string problem)
    : Exception($"line {lineNumber}: {problem}: {line}");
