using System.Text.RegularExpressions;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// The text stored as a row's <c>last_error</c> / <c>dhcp_last_error</c>, which every reader key sees (GET /v1/vms).
/// It says what went wrong, never where the router is or which account we log in with (decision 0007): the router's
/// host (with its port) becomes "the router" and the SSH username is dropped. The audit, read by admins only, keeps
/// the full text, and so do the logs.
/// </summary>
public static class RowErrorText
{

    public static string For(string message, RouterSettings router)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(router);
        var text = message;
        if (!string.IsNullOrEmpty(router.Username))
        {
            var user = Regex.Escape(router.Username);
            // "… as <user>" (how the connection failure reads) and "<user>@<host>" (prompts, SSH banners).
            text = Regex.Replace(text, $@" as {user}(?![\w.-])|(?<![\w.-]){user}@", string.Empty, RegexOptions.CultureInvariant);
        }

        if (!string.IsNullOrEmpty(router.Host))
        {
            // The host as a whole token only, so a host named like a word ("vyos") leaves paths such as
            // /usr/libexec/vyos/ in the router's own messages alone.
            var host = Regex.Escape(router.Host);
            text = Regex.Replace(text, $@"(?<![\w.\-/]){host}(?::[0-9]{{1,5}})?(?![\w\-/])", "the router", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        }

        return text;
    }
}
