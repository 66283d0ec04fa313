using System.Globalization;

namespace NatFunctions.Core.Planning;

/// <summary>
/// The port of every service name VyOS accepts in a port value: its port validators take any name or alias of
/// <c>/etc/services</c> (sagitta:src/validators/port-multi, get_services()). Shipped as Debian bookworm's netbase 6.4
/// file, the base of VyOS 1.4 (decision 0019).
/// </summary>
public static class ServiceNames
{
    private static readonly Lazy<Dictionary<string, int>> Ports = new(Load);

    public static bool TryGetPort(string name, out int port) => Ports.Value.TryGetValue(name, out port);

    private static Dictionary<string, int> Load()
    {
        using var stream = typeof(ServiceNames).Assembly.GetManifestResourceStream("NatFunctions.Core.etc-services")
            ?? throw new InvalidOperationException("the embedded services list is missing");
        using var reader = new StreamReader(stream);
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var words = (hash < 0 ? line : line[..hash]).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2) continue;
            var slash = words[1].IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || !int.TryParse(words[1][..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var port)) continue;
            ports.TryAdd(words[0], port);
            foreach (var alias in words.Skip(2)) ports.TryAdd(alias, port);
        }

        return ports;
    }
}
