namespace NatFunctions.Contracts;

public sealed record SyncUnchanged(IReadOnlyList<int> Rules, IReadOnlyList<string> Mappings);
