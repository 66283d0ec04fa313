using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Applying;

/// <summary>The part of an audit row that says whether a router's last commit was finished (<see cref="UnfinishedCommitLog"/>).</summary>
public sealed record DecidingSession(ChangeResult Result, string Commands);
