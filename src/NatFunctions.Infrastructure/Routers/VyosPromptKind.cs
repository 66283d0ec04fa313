namespace NatFunctions.Infrastructure.Routers;

internal enum VyosPromptKind
{
    /// <summary><c>vyos@vyos:~$ </c></summary>
    Operational,

    /// <summary><c>[edit]</c> newline <c>vyos@vyos# </c></summary>
    Configuration,

    /// <summary>A yes/no question such as commit-confirm's <c>Proceed ? [Y/n] </c> or 1.3's <c>[confirm]</c>.</summary>
    Question,
}
