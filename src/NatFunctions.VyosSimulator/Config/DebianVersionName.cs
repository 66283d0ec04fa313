namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// A node name read as libapt-pkg reads a Debian version (<c>debVersioningSystem::CmpVersion</c>): an optional epoch
/// before the first <c>:</c> (a zero epoch is none), the upstream part, and a revision after the last <c>-</c>
/// (none compares like <c>0</c>). Each part is split into <see cref="VersionSegment"/>s once, so sorting many tag
/// values (a router's NAT rules) reads each name only once.
/// </summary>
internal sealed class DebianVersionName : IComparable<DebianVersionName>
{
    private static readonly VersionSegment[] NoSegments = [];

    private readonly string epoch;
    private readonly string upstream;
    private readonly string? revision;

    private DebianVersionName(string epoch, string upstream, string? revision)
    {
        this.epoch = epoch;
        this.upstream = upstream;
        this.revision = revision;
        EpochSegments = VersionSegment.Split(epoch);
        UpstreamSegments = VersionSegment.Split(upstream);
        RevisionSegments = revision is null ? NoSegments : VersionSegment.Split(revision);
    }

    private VersionSegment[] EpochSegments { get; }

    private VersionSegment[] UpstreamSegments { get; }

    private VersionSegment[] RevisionSegments { get; }

    public static DebianVersionName Parse(string name)
    {
        var colon = name.IndexOf(':');
        var epoch = colon < 0 ? string.Empty : name[..colon].TrimStart('0');
        var rest = colon < 0 ? name : name[(colon + 1)..];
        var dash = rest.LastIndexOf('-');
        return dash < 0 ? new DebianVersionName(epoch, rest, null) : new DebianVersionName(epoch, rest[..dash], rest[(dash + 1)..]);
    }

    public int CompareTo(DebianVersionName? other)
    {
        if (other is null) return 1;
        var result = ComparePart(this.epoch, EpochSegments, other.epoch, other.EpochSegments);
        if (result != 0) return result;
        result = ComparePart(this.upstream, UpstreamSegments, other.upstream, other.UpstreamSegments);
        if (result != 0 || (this.revision is null && other.revision is null)) return result;
        return ComparePart(this.revision ?? "0", RevisionOrZero(this), other.revision ?? "0", RevisionOrZero(other));
    }

    private static VersionSegment[] RevisionOrZero(DebianVersionName name) =>
        name.revision is null ? VersionSegment.Split("0") : name.RevisionSegments;

    /// <summary>
    /// apt's <c>CmpFragment</c>: an empty part against a non-empty one is decided by the other's first character
    /// alone (<c>~</c> sorts first, anything else after the empty part, even <c>0</c>); otherwise group by group,
    /// a missing group being an empty text and the number zero.
    /// </summary>
    private static int ComparePart(string left, VersionSegment[] leftSegments, string right, VersionSegment[] rightSegments)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            if (left.Length == right.Length) return 0;
            return left.Length == 0 ? (right[0] == '~' ? 1 : -1) : (left[0] == '~' ? -1 : 1);
        }

        var empty = new VersionSegment(string.Empty, string.Empty);
        for (var index = 0; index < Math.Max(leftSegments.Length, rightSegments.Length); index++)
        {
            var leftSegment = index < leftSegments.Length ? leftSegments[index] : empty;
            var rightSegment = index < rightSegments.Length ? rightSegments[index] : empty;
            var result = leftSegment.CompareTo(rightSegment);
            if (result != 0) return result;
        }

        return 0;
    }
}
