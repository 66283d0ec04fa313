namespace NatFunctions.Core.Routers.Views;

/// <summary>The live NAT view of a router, or, when the router could not be read, how the read failed.</summary>
public sealed record RouterNatRead(RouterNatView? View, RouterReachability Reachability);
