using System.Text;
using NatFunctions.Core.Routers;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Authentication methods from a router's settings: the private key text (OpenSSH or PEM), then the password, offered
/// both as <c>password</c> and <c>keyboard-interactive</c> because VyOS's sshd asks through PAM.
/// </summary>
internal static class SshCredentials
{
    public static AuthenticationMethod[] Create(RouterSettings settings)
    {
        var username = settings.Username!;
        var methods = new List<AuthenticationMethod>();
        if (!string.IsNullOrWhiteSpace(settings.PrivateKey))
        {
            methods.Add(new PrivateKeyAuthenticationMethod(username, ReadKey(settings)));
        }

        if (!string.IsNullOrEmpty(settings.Password))
        {
            methods.Add(new PasswordAuthenticationMethod(username, settings.Password));
            var interactive = new KeyboardInteractiveAuthenticationMethod(username);
            interactive.AuthenticationPrompt += (_, e) =>
            {
                foreach (var prompt in e.Prompts)
                {
                    prompt.Response = settings.Password;
                }
            };
            methods.Add(interactive);
        }

        return [.. methods];
    }

    private static PrivateKeyFile ReadKey(RouterSettings settings)
    {
        // App settings and Key Vault secrets sometimes carry the key on one line with literal "\n".
        var text = settings.PrivateKey!.Contains('\n', StringComparison.Ordinal)
            ? settings.PrivateKey
            : settings.PrivateKey.Replace("\\n", "\n", StringComparison.Ordinal);
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.Trim() + "\n"));
            return string.IsNullOrEmpty(settings.PrivateKeyPassphrase)
                ? new PrivateKeyFile(stream)
                : new PrivateKeyFile(stream, settings.PrivateKeyPassphrase);
        }
        catch (Exception exception) when (exception is SshException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new RouterSettingsException([$"Routers:{settings.Name}:PrivateKey could not be read as an OpenSSH or PEM private key: {exception.Message}"]);
        }
    }
}
