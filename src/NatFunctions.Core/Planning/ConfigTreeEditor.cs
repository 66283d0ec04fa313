using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// Plays configure-mode commands onto a <see cref="ConfigTree"/> the way VyOS would apply them, so a plan can be
/// checked (and a desired object compared) without a router.
/// </summary>
public static class ConfigTreeEditor
{
    public static void Apply(ConfigTree tree, IEnumerable<VyosCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(commands);
        foreach (var command in commands)
        {
            var path = command.Path.Select(word => word.Text).ToArray();
            if (command.Operation == VyosCommandOperation.Set)
            {
                tree.Set(path, command.Value?.Text);
            }
            else
            {
                tree.Delete(path, command.Value?.Text);
            }
        }
    }
}
