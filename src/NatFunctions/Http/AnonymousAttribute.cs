namespace NatFunctions.Http;

/// <summary>Marks the few functions anyone may call (health).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnonymousAttribute : Attribute;
