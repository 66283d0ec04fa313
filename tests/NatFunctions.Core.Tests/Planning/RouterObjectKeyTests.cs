using NatFunctions.Core.Planning;

namespace NatFunctions.Core.Tests.Planning;

public sealed class RouterObjectKeyTests
{
    [Fact]
    public void Keys_are_equal_when_they_name_the_same_object_and_a_rule_never_equals_a_mapping()
    {
        Assert.Equal(RouterObjectKey.NatRule(10001), RouterObjectKey.Of(10001, null));
        Assert.Equal(RouterObjectKey.DhcpMapping("nf-vm-a"), RouterObjectKey.Of(null, "nf-vm-a"));
        Assert.NotEqual(RouterObjectKey.NatRule(10001), RouterObjectKey.NatRule(10002));
        Assert.NotEqual(RouterObjectKey.DhcpMapping("nf-vm-a"), RouterObjectKey.DhcpMapping("nf-vm-A"));
        Assert.NotEqual(RouterObjectKey.DhcpMapping("10001"), RouterObjectKey.NatRule(10001));
    }

    [Fact]
    public void A_key_shows_the_objects_path_as_vyos_does()
    {
        Assert.Equal("nat destination rule 10001", RouterObjectKey.NatRule(10001).ToString());
        Assert.Equal("dhcp static-mapping nf-vm-a", RouterObjectKey.DhcpMapping("nf-vm-a").ToString());
    }

    [Fact]
    public void An_object_is_either_a_rule_or_a_mapping()
    {
        Assert.Throws<ArgumentException>(() => RouterObjectKey.Of(10001, "nf-vm-a"));
        Assert.Throws<ArgumentException>(() => RouterObjectKey.Of(null, null));
        Assert.Throws<ArgumentException>(() => RouterObjectKey.DhcpMapping(string.Empty));
    }

    [Fact]
    public void A_planned_change_and_a_refusal_about_one_object_have_one_key()
    {
        var change = new PlannedChange(PlannedChangeKind.Update, null, "nf-vm-a", [], []);
        var refusal = new RefusedObject(null, "nf-vm-a", "refused");
        Assert.Equal(change.Key, refusal.Key);
        Assert.Contains(RouterObjectKey.DhcpMapping("nf-vm-a"), new HashSet<RouterObjectKey> { change.Key });
    }
}
