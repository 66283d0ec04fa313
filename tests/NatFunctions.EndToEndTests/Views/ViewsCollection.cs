namespace NatFunctions.EndToEndTests.Views;

/// <summary>The view tests share one host: starting one costs seconds, and they only add VMs with names of their own.</summary>
[CollectionDefinition(Name)]
public sealed class ViewsCollection : ICollectionFixture<ViewsLocalHostFixture>
{
    public const string Name = "views";
}
