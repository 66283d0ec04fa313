using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// One named <see cref="HttpClient"/> per http-api router on <see cref="IHttpClientFactory"/>, whose handler pins the
/// router's certificate. The pins are handed back so each router's client can say which certificate it refused.
/// </summary>
public static class RouterHttpClients
{
    internal static IReadOnlyDictionary<string, CertificatePin> Register(IServiceCollection services, IEnumerable<RouterSettings> routers)
    {
        var pins = new Dictionary<string, CertificatePin>(StringComparer.OrdinalIgnoreCase);
        foreach (var router in routers.Where(r => r.Transport == RouterTransport.HttpApi))
        {
            var pin = new CertificatePin(router.CertificateSha256 ?? string.Empty);
            pins.Add(router.Name, pin);
            services.AddHttpClient(HttpApiRouterClient.HttpClientName(router.Name))
                .ConfigurePrimaryHttpMessageHandler(() => pin.CreateHandler(router.ConnectTimeout));
        }

        return pins;
    }
}
