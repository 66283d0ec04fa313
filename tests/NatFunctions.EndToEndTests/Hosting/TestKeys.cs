namespace NatFunctions.EndToEndTests.Hosting;

public static class TestKeys
{
    public const string BootstrapAdmin = "e2e-bootstrap-admin-key-0000000000000001";
}
