namespace NatFunctions.Core.Routers;

/// <summary>How the product reaches a router (setting <c>Routers:&lt;name&gt;:Transport</c>).</summary>
public enum RouterTransport
{
    /// <summary><c>ssh</c>: the VyOS CLI over an interactive SSH shell.</summary>
    Ssh,

    /// <summary><c>http-api</c>: the VyOS HTTP API.</summary>
    HttpApi,

    /// <summary><c>simulated</c>: the VyOS simulator process on this machine, same CLI protocol as ssh.</summary>
    Simulated,
}
