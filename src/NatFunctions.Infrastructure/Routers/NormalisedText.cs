using System.Text;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// What a terminal printed so far, normalised piece by piece as it arrives (<see cref="TerminalTextNormaliser"/>), so
/// each character is normalised once however many pieces a reply comes in. A piece can end inside an escape sequence or
/// between the CR and LF of a line break; that end is held back until the next piece completes it.
/// </summary>
internal sealed class NormalisedText
{
    // Longer than any escape sequence a shell prints (an OSC window title included); beyond this it is not one.
    private const int LongestHeldBack = 512;

    private readonly StringBuilder normalised = new();
    private string heldBack = string.Empty;

    /// <summary>True when text arrived since <see cref="Tail"/> or <see cref="Whole"/> last looked.</summary>
    public bool HasNewText { get; private set; }

    public void Append(string chunk)
    {
        var raw = heldBack + chunk;
        var cut = CompleteLength(raw);
        heldBack = raw[cut..];
        normalised.Append(TerminalTextNormaliser.Normalise(raw[..cut]));
        HasNewText = true;
    }

    /// <summary>The last <paramref name="length"/> characters (or fewer), starting at a line break when there is one.</summary>
    public string Tail(int length)
    {
        HasNewText = false;
        var start = Math.Max(0, normalised.Length - length);
        if (start > 0)
        {
            for (var index = start; index < normalised.Length; index++)
            {
                if (normalised[index] != '\n') continue;
                start = index;
                break;
            }
        }

        return normalised.ToString(start, normalised.Length - start) + TerminalTextNormaliser.Normalise(heldBack);
    }

    public string Whole()
    {
        HasNewText = false;
        return normalised + TerminalTextNormaliser.Normalise(heldBack);
    }

    /// <summary>What is normalised so far, without a held-back end (a CR or escape sequence still to be completed).</summary>
    public string Completed()
    {
        HasNewText = false;
        return normalised.ToString();
    }

    /// <summary>
    /// Replaces what <see cref="Completed"/> returned with what is left of it once a reply was taken from its front;
    /// a held-back end stays where it was, after it.
    /// </summary>
    public void ReplaceCompleted(string rest)
    {
        normalised.Clear().Append(rest);
        HasNewText = false;
    }

    public void Clear()
    {
        normalised.Clear();
        heldBack = string.Empty;
        HasNewText = false;
    }

    /// <summary>How much of <paramref name="raw"/> can be normalised now: all but a trailing CR or unfinished escape.</summary>
    private static int CompleteLength(string raw)
    {
        var cut = raw.Length;
        if (cut > 0 && raw[cut - 1] == '\r') cut--;
        var escape = raw.LastIndexOf('\u001b', cut == 0 ? 0 : cut - 1);
        if (escape >= 0 && cut - escape < LongestHeldBack && !TerminalTextNormaliser.IsCompleteEscapeAt(raw[..cut], escape))
        {
            cut = escape;
        }

        return cut;
    }
}
