using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bytez.AI.Emulator.Server;

/// <summary>Builds the Kestrel app: an empty host (no configuration sources, so no environment variable can move it) with one terminal handler.</summary>
internal static class EmulatorHost
{
    public static WebApplication Build(BytezEmulatorOptions options, RequestDispatcher dispatcher)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name });
        builder.Services.AddSingleton(options.LoggerFactory ?? NullLoggerFactory.Instance);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 256L * 1024 * 1024;

            // Streams may pause (chunk delays, slow-first-byte faults); Kestrel must not drop them as too slow.
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase) && options.Port != 0)
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                // Kestrel cannot pick a dynamic port for "localhost" (two sockets), so port 0 binds 127.0.0.1.
                var address = string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Parse(options.Host);
                kestrel.Listen(address, options.Port);
            }
        });
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);
        return app;
    }

    public static Uri Address(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        var address = addresses.First().Replace("[::1]", "localhost", StringComparison.Ordinal);
        return new Uri(address.TrimEnd('/') + "/");
    }
}
