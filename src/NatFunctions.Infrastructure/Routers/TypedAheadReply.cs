namespace NatFunctions.Infrastructure.Routers;

/// <summary>One typed-ahead line's reply, the prompt that ended it, and the text after that prompt (later lines' replies).</summary>
internal sealed record TypedAheadReply(VyosReply Reply, string Prompt, string Rest);
