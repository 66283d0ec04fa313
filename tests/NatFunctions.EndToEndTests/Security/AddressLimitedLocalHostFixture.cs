using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Security;

/// <summary>A LocalHost whose per-address budget for anonymous calls and failed authentication is 5, refilling 1 a second.</summary>
public sealed class AddressLimitedLocalHostFixture : LocalHostFixture
{
    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        environment["RateLimit__AnonymousPerSecond"] = "1";
        environment["RateLimit__AnonymousBurst"] = "5";
    }
}
