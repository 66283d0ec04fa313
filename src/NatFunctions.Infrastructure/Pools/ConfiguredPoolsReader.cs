using System.Globalization;
using Microsoft.Extensions.Configuration;
using NatFunctions.Core.Pools;
using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Pools;

/// <summary>
/// Reads the pools declared under <c>Pools</c>: <c>Pools__Ip__NAME__Router</c>, <c>__Cidr</c>, <c>__RangeStart</c>,
/// <c>__RangeEnd</c> and <c>Pools__Port__NAME__Router</c>, <c>__StartPort</c>, <c>__EndPort</c>. With no <c>Pools</c>
/// section and no router configured (the embedded simulated router <c>local</c>), the local defaults.
/// </summary>
public static class ConfiguredPoolsReader
{
    public const string SectionName = "Pools";

    /// <exception cref="PoolSeedException">A port bound is not a whole number.</exception>
    public static ConfiguredPools Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        if (!section.GetChildren().Any())
        {
            var noRouterConfigured = !configuration.GetSection(RouterSettingsLoader.SectionName).GetChildren().Any();
            return noRouterConfigured ? ConfiguredPools.ForDefaultLocalRouter(RouterSettings.DefaultRouterName) : ConfiguredPools.None;
        }

        var problems = new List<string>();
        var ipPools = section.GetSection("Ip").GetChildren()
            .Select(pool => new IpPoolDefinition(pool.Key, pool["Router"], pool["Cidr"], pool["RangeStart"], pool["RangeEnd"], true))
            .ToList();
        var portPools = section.GetSection("Port").GetChildren()
            .Select(pool => new PortPoolDefinition(
                pool.Key, pool["Router"], Port(pool, "StartPort", problems), Port(pool, "EndPort", problems), true))
            .ToList();
        var unknown = section.GetChildren().Select(child => child.Key).Where(key => key is not ("Ip" or "Port")).ToList();
        problems.AddRange(unknown.Select(key => $"{SectionName}:{key}: unknown; pools go under {SectionName}:Ip:NAME or {SectionName}:Port:NAME"));
        return problems.Count > 0 ? throw new PoolSeedException(problems) : new ConfiguredPools(ipPools, portPools);
    }

    private static int? Port(IConfigurationSection pool, string key, List<string> problems)
    {
        var text = pool[key];
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port)) return port;
        problems.Add($"{SectionName}:Port:{pool.Key}:{key}: '{text}' is not a whole number");
        return null;
    }
}
