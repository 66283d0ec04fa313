using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers.Views;

/// <summary>
/// A NAT destination rule as found on the router. <see cref="ManagedRange"/>: its number is in the router's managed
/// range; <see cref="Owned"/>: in the range and carrying our marker, so NatFunctions may change it.
/// </summary>
public sealed record NatRuleView(NatDestinationRule Rule, bool ManagedRange, bool Owned);
