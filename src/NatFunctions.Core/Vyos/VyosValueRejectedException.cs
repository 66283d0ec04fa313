namespace NatFunctions.Core.Vyos;

/// <summary>A value or path word that VyOS cannot take safely; nothing was sent to a router.</summary>
public sealed class VyosValueRejectedException(string value, string reason)
    : ArgumentException($"VyOS cannot take {Describe(value)}: {reason}")
{
    public string RejectedValue { get; } = value;

    public string Reason { get; } = reason;

    private static string Describe(string value) => value.Length <= 40 ? $"\"{value}\"" : $"\"{value[..40]}…\"";
}
