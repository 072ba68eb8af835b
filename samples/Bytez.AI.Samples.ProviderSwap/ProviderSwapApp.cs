using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenAI;

namespace Bytez.AI.Samples.ProviderSwap;

/// <summary>
/// Composition root: reads <c>Provider</c> from configuration (appsettings.json, environment variables, or
/// <c>--Provider OpenAI</c>) and registers that provider's <see cref="IChatClient"/>. Nothing else knows which it is.
/// </summary>
public static class ProviderSwapApp
{
    /// <summary>Runs the app.</summary>
    /// <param name="args">Configuration overrides, such as <c>--Provider OpenAI --OpenAI:ApiKey sk-...</c>.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="cancellationToken">A token to stop early.</param>
    /// <returns>0 on success.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        SampleConsole.GuardAsync("Provider swap", output, () => RunCoreAsync(args, output, cancellationToken));

    private static async Task RunCoreAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var provider = builder.Configuration["Provider"] ?? "Bytez";
        output.WriteLine($"Provider from configuration: {provider}");

        // Bytez without BYTEZ_API_KEY falls back to the embedded emulator.
        await using var environment = IsProvider(provider, "Bytez") ? await SampleEnvironment.StartAsync(output, ct) : null;
        IChatClient chatClient = environment is not null
            ? environment.Client.GetModel(builder.Configuration["Bytez:Model"]!).AsIChatClient()
            : IsProvider(provider, "OpenAI")
                ? CreateOpenAIChatClient(builder.Configuration.GetSection("OpenAI"))
                : throw new InvalidOperationException($"Unknown Provider '{provider}' in configuration: use Bytez or OpenAI.");

        // The same pipeline whichever provider: logging and tool calling are M.E.AI middleware.
        builder.Services.AddChatClient(chatClient).UseLogging().UseFunctionInvocation();
        builder.Services.AddSingleton<WeatherAssistant>();

        // Disposing the host disposes the chat client, which stops the Bytez instance it started.
        using var host = builder.Build();
        await host.Services.GetRequiredService<WeatherAssistant>().RunAsync(output, ct);
    }

    private static bool IsProvider(string provider, string name) => provider.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static IChatClient CreateOpenAIChatClient(IConfiguration settings)
    {
        var endpoint = settings["Endpoint"] ?? throw new InvalidOperationException("Set OpenAI:Endpoint in appsettings.json.");
        var model = settings["Model"] ?? throw new InvalidOperationException("Set OpenAI:Model in appsettings.json.");

        // Local OpenAI-compatible servers often take no key; the SDK still wants one.
        var apiKey = string.IsNullOrEmpty(settings["ApiKey"]) ? "unused" : settings["ApiKey"]!;
        var client = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri(endpoint) });
        return client.GetChatClient(model).AsIChatClient();
    }
}
