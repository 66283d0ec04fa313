using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>Hands out one prepared <see cref="RecordedTextChannel"/>, so a whole router client can run on replayed text.</summary>
internal sealed class RecordedChannelOpener(RecordedTextChannel channel) : IRouterChannelOpener
{
    public Task<IRouterTextChannel> OpenAsync(CancellationToken cancellationToken, RouterChannelUse use = RouterChannelUse.Read) => Task.FromResult<IRouterTextChannel>(channel);

    public void Dispose()
    {
    }
}
