namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>The sshd tests share one server and switch its router state, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SshServerCollection : ICollectionFixture<SimulatedVyosSshServer>
{
    public const string Name = "sshd with the VyOS simulator";
}
