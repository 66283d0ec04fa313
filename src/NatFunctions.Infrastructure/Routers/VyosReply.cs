namespace NatFunctions.Infrastructure.Routers;

/// <summary>What the CLI printed for one command, up to the prompt that followed, without the echo and async notices.</summary>
internal sealed record VyosReply(string Output, VyosPromptKind Prompt)
{
    /// <summary>Output lines with trailing spaces and surrounding blank lines removed: VyOS's message as a user reads it.</summary>
    public string Message
    {
        get
        {
            var lines = Output.Split('\n').Select(line => line.TrimEnd()).ToList();
            while (lines.Count > 0 && lines[0].Length == 0)
            {
                lines.RemoveAt(0);
            }

            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            return string.Join('\n', lines);
        }
    }
}
