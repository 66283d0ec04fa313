namespace NatFunctions.EndToEndTests.Security;

/// <summary>What a request field holds, which decides the hostile values thrown at it.</summary>
public enum HostileFieldKind
{
    /// <summary>A name or enum word as text (vm_name, router, protocol, role, action, ...).</summary>
    Word,

    /// <summary>An address, network or MAC as text.</summary>
    Address,

    /// <summary>Free text that reaches a rule description.</summary>
    Description,

    /// <summary>A port number.</summary>
    Port,

    Boolean,

    /// <summary>An ISO 8601 date and time.</summary>
    Timestamp,

    /// <summary>An array of template port names.</summary>
    WordArray,

    /// <summary>An array of forward objects.</summary>
    ObjectArray,

    /// <summary>A free JSON object stored as it is.</summary>
    JsonObject,
}
