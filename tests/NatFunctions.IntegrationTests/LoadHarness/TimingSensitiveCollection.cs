namespace NatFunctions.IntegrationTests.LoadHarness;

/// <summary>
/// Tests whose assertion is a duration run alone, after the parallel ones: with dozens of sshd sessions and
/// databases in flight, the thread pool can hold a timer's continuation back by half a second.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    public const string Name = "timing-sensitive";
}
