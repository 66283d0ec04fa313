using System.Globalization;
using NatFunctions.Core.Routers.Views;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers.Preflight;

/// <summary>
/// Judges a router against its settings before the product writes to it: the pure part of
/// GET /v1/admin/routers/{name}/preflight, over one <c>show version</c> and one parsed configuration. Each check says
/// what it found and, unless it is ok, what to fix (decision 0020).
/// </summary>
public static class RouterPreflight
{
    public static IReadOnlyList<PreflightCheck> Run(RouterSettings settings, RunningVyosVersion version, ConfigTree tree, DateTime readAt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(tree);
        return
        [
            PreflightCheck.Ok(PreflightCheckIds.Connection, "logged in and read 'show version' and 'show configuration commands'"),
            CheckVersion(settings, version),
            CheckInboundInterface(settings, tree),
            CheckDhcpSubnet(settings, tree),
            CheckCommitConfirm(settings, tree),
            CheckForeignRules(settings, tree, readAt),
            ForwardFilterCheck.Run(settings, tree),
        ];
    }

    /// <summary>The one check a router that could not be read gets, with what to do for each kind of failure.</summary>
    public static PreflightCheck ConnectionFailed(RouterSettings settings, RouterAccessFailure failure, string message)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var overApi = settings.Transport == RouterTransport.HttpApi;
        var fix = failure switch
        {
            RouterAccessFailure.UntrustedHostKey when overApi =>
                $"compare the SHA-256 of the router's TLS certificate (openssl x509 -noout -fingerprint -sha256 on the router) with Routers:{settings.Name}:CertificateSha256; update the setting only if the router's certificate really was replaced",
            RouterAccessFailure.Unreachable when overApi =>
                $"check Routers:{settings.Name}:Host/Port and ApiKey, that the router has 'service https api keys' with that key (1.5: also 'service https api rest'), and that nothing between blocks HTTPS",
            RouterAccessFailure.UntrustedHostKey =>
                $"compare the router's host key (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the router) with Routers:{settings.Name}:HostKeySha256; update the setting only if the router really was re-installed",
            RouterAccessFailure.Unreachable =>
                $"check Routers:{settings.Name}:Host/Port/Username and the key or password, that the router's 'service ssh' listens there, and that nothing between blocks it",
            _ => "read the message; the router answered with something the product does not understand",
        };
        return PreflightCheck.Error(PreflightCheckIds.Connection, message, fix);
    }

    private static PreflightCheck CheckVersion(RouterSettings settings, RunningVyosVersion version)
    {
        const string id = PreflightCheckIds.Version;
        if (version.Line is null)
        {
            return PreflightCheck.Warning(
                id,
                $"'show version' says {version.Description}, which the product cannot map to VyOS 1.3, 1.4 or 1.5; it writes {settings.VyosVersion} paths",
                $"make sure the router runs VyOS {settings.VyosVersion} (or set Routers:{settings.Name}:VyosVersion to the line it runs), and watch the first sessions' audit entries");
        }

        return version.Contradicts(settings.VyosVersion)
            ? PreflightCheck.Error(
                id,
                $"the router runs {version.Description}, which is VyOS {version.Line}, but Routers:{settings.Name}:VyosVersion is {settings.VyosVersion}: the product sends nothing to it (router_misconfigured)",
                $"set Routers:{settings.Name}:VyosVersion to {version.Line} and restart the app")
            : PreflightCheck.Ok(id, $"the router runs {version.Description}, which matches VyosVersion {settings.VyosVersion}");
    }

    private static PreflightCheck CheckInboundInterface(RouterSettings settings, ConfigTree tree)
    {
        const string id = PreflightCheckIds.InboundInterface;
        var name = settings.InboundInterface;

        // "any" needs no interface (sagitta:src/conf_mode/nat.py verify() skips it; equuleus likewise).
        if (name == "any") return PreflightCheck.Ok(id, "InboundInterface is 'any': the rules match traffic arriving on every interface");
        var interfaces = new ConfiguredInterfaces(tree);
        if (interfaces.Contains(name)) return PreflightCheck.Ok(id, $"interface {name} exists");

        // nat.py only warns ("Interface … for destination NAT rule … does not exist!") and commits the rule, which then
        // matches nothing: the forwards would look applied and carry no traffic.
        var known = interfaces.Names.Count == 0 ? "none" : string.Join(", ", interfaces.Names.Order(StringComparer.Ordinal));
        return PreflightCheck.Error(
            id,
            $"interface {name} (Routers:{settings.Name}:InboundInterface) is not in the router's configuration (interfaces found: {known}); VyOS would commit the rules with a warning and they would match no traffic",
            $"set Routers:{settings.Name}:InboundInterface to the router's WAN interface and restart the app, or configure {name} on the router");
    }

    private static PreflightCheck CheckDhcpSubnet(RouterSettings settings, ConfigTree tree)
    {
        const string id = PreflightCheckIds.DhcpSubnet;
        if (settings.DhcpSharedNetwork is not { } network || settings.DhcpSubnet is not { } subnet)
        {
            return PreflightCheck.Ok(id, "DHCP static mappings are not managed on this router (DhcpSharedNetwork and DhcpSubnet are not set)");
        }

        var networkNode = tree.Find([.. VyosPaths.DhcpSharedNetworks, network]);
        if (networkNode is null)
        {
            return PreflightCheck.Error(
                id,
                $"'service dhcp-server shared-network-name {network}' does not exist: every static mapping would be refused",
                $"set Routers:{settings.Name}:DhcpSharedNetwork to an existing shared network, or create it on the router with subnet {subnet}");
        }

        var subnetNode = networkNode.FindChild("subnet")?.FindChild(subnet);
        if (subnetNode is null)
        {
            var subnets = networkNode.FindChild("subnet")?.Children.Select(child => child.Name).ToList() ?? [];
            return PreflightCheck.Error(
                id,
                $"shared network {network} has no subnet {subnet} (it has: {(subnets.Count == 0 ? "none" : string.Join(", ", subnets))}): every static mapping would be refused",
                $"set Routers:{settings.Name}:DhcpSubnet to the subnet the VMs' addresses are in, or add subnet {subnet} to {network} on the router");
        }

        // 1.5 (Kea): verify() refuses any subnet without a unique subnet-id: 'Unique subnet ID not specified for subnet "…"'
        // (circinus:src/conf_mode/service_dhcp-server.py verify()). 1.3/1.4 have no such leaf.
        if (settings.VyosVersion.CompareTo(VyosVersion.V1_5) >= 0 && subnetNode.FindChild("subnet-id") is null)
        {
            return PreflightCheck.Error(
                id,
                $"subnet {subnet} of {network} has no subnet-id: VyOS 1.5 refuses every DHCP commit until it has one",
                $"on the router: set service dhcp-server shared-network-name {network} subnet {subnet} subnet-id <a number no other subnet uses>, then commit and save");
        }

        return PreflightCheck.Ok(id, $"shared network {network} has subnet {subnet}");
    }

    private static PreflightCheck CheckCommitConfirm(RouterSettings settings, ConfigTree tree)
    {
        const string id = PreflightCheckIds.CommitConfirm;
        var minutes = settings.CommitConfirmMinutes.ToString(CultureInfo.InvariantCulture);
        if (settings.CommitConfirmMinutes == 0)
        {
            return PreflightCheck.Ok(id, "CommitConfirmMinutes is 0: plain commits, no revert timer");
        }

        var management = tree.Find(["system", "config-management"]);
        if (settings.VyosVersion == VyosVersion.V1_3 && management?.FindChild("commit-revisions") is null)
        {
            // 1.3's commit-confirm (vyatta-cfg equuleus:functions/interpreter/vyatta-cfg-run → vyatta-config-mgmt
            // equuleus:scripts/vyatta-config-mgmt.pl --action=commit-confirm) prints "commit-revisions is not
            // configured." and exits before committing when no revision count is set.
            return PreflightCheck.Error(
                id,
                $"CommitConfirmMinutes is {minutes}, but VyOS 1.3 refuses commit-confirm without 'system config-management commit-revisions': every session would fail",
                $"on the router: set system config-management commit-revisions 100, then commit and save; or set Routers:{settings.Name}:CommitConfirmMinutes to 0");
        }

        if (management?.FindChild("commit-revisions") is null)
        {
            // 1.4/1.5: confirm() and revert() first read /tmp/commit-rev-entry (sagitta/circinus:python/vyos/config_mgmt.py
            // _read_tmp_log_entry), which only the post-commit hook 01vyos-commit-revision writes, and that hook exists
            // only while commit-revisions is set (sagitta:src/conf_mode/system_config-management.py). Without it the
            // revert dies with UnboundLocalError before rebooting, and every confirm prints that traceback.
            return PreflightCheck.Warning(
                id,
                $"CommitConfirmMinutes is {minutes}, but the router has no 'system config-management commit-revisions': VyOS cannot run its revert (it fails reading the commit log entry), so an unconfirmed commit stays active and commit-confirm protects nothing",
                $"on the router: set system config-management commit-revisions 100 (VyOS's default), then commit and save; or set Routers:{settings.Name}:CommitConfirmMinutes to 0");
        }

        // 1.3/1.4 revert an unconfirmed commit by rebooting to the saved config (sagitta:python/vyos/config_mgmt.py
        // revert(): systemctl reboot). Later images add 'system config-management commit-confirm action reload|reboot'
        // (default reboot; current:interface-definitions/system_config-management.xml.in).
        var action = management?.FindChild("commit-confirm")?.FindChild("action")?.Values.FirstOrDefault();
        if (action == "reload")
        {
            return PreflightCheck.Ok(id, $"commit-confirm with {minutes} minutes; an unconfirmed commit reverts by reloading the previous configuration");
        }

        var fix = settings.VyosVersion.CompareTo(VyosVersion.V1_5) >= 0
            ? $"on the router: set system config-management commit-confirm action reload (if its VyOS has it), then commit and save; or accept the reboot, or set Routers:{settings.Name}:CommitConfirmMinutes to 0"
            : $"accept that a lost session can reboot the router, or set Routers:{settings.Name}:CommitConfirmMinutes to 0 (plain commits; the product reads back and repairs instead)";
        return PreflightCheck.Warning(
            id,
            $"commit-confirm with {minutes} minutes: if a session is lost before 'confirm', the router reverts by rebooting to its saved configuration, dropping traffic while it boots",
            fix);
    }

    private static PreflightCheck CheckForeignRules(RouterSettings settings, ConfigTree tree, DateTime readAt)
    {
        const string id = PreflightCheckIds.ForeignRules;
        var foreign = RouterNatView.Read(settings, tree, readAt).UnmanagedRules;
        if (foreign.Count == 0)
        {
            return PreflightCheck.Ok(id, $"no foreign NAT destination rules inside the managed range {settings.ManagedRules}");
        }

        var numbers = string.Join(", ", foreign.Take(20).Select(rule => rule.RuleNumber.ToString(CultureInfo.InvariantCulture)))
            + (foreign.Count > 20 ? $" and {foreign.Count - 20} more" : string.Empty);
        return PreflightCheck.Warning(
            id,
            $"{foreign.Count} NAT destination rules inside the managed range {settings.ManagedRules} are not the product's ({numbers}): it never touches them and will not use their numbers",
            $"move them out of {settings.ManagedRules} on the router, or set Routers:{settings.Name}:ManagedRules to a range no one else uses");
    }
}
