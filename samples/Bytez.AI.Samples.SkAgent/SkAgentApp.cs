using Bytez.AI.SemanticKernel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Bytez.AI.Samples.SkAgent;

/// <summary>A travel assistant: a Kernel with two plugins that a Bytez model calls on its own, over several turns.</summary>
public static class SkAgentApp
{
    private const string Model = "Qwen/Qwen2.5-7B-Instruct";

    /// <summary>The user's turns, in order.</summary>
    public static IReadOnlyList<string> Turns { get; } =
    [
        "What is the weather in Oslo today?",
        "Please convert 18 degrees Celsius to Fahrenheit.",
        "Thanks! Should I pack a raincoat?",
    ];

    /// <summary>Runs the sample.</summary>
    /// <param name="args">Unused.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="cancellationToken">A token to stop early.</param>
    /// <returns>0 on success.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        SampleConsole.GuardAsync("SK agent", output, () => RunCoreAsync(output, cancellationToken));

    private static async Task RunCoreAsync(TextWriter output, CancellationToken ct)
    {
        await using var environment = await SampleEnvironment.StartAsync(output, ct);

        // A kernel in DI: the Bytez model (registered like SK's own IChatClient connectors), two plugins, a filter.
        var services = new ServiceCollection();
        var kernelBuilder = services.AddKernel()
            .AddBytezChatClient(Model, environment.Client, new() { LoadProgress = new ConsoleLoadProgress(output) });
        kernelBuilder.Plugins.AddFromType<WeatherPlugin>("Weather");
        kernelBuilder.Plugins.AddFromType<UnitsPlugin>("Units");
        services.AddSingleton<IAutoFunctionInvocationFilter>(new PluginCallPrinter(output));

        // Disposing the provider disposes the chat client, which stops the instance it started.
        await using var provider = services.BuildServiceProvider();
        var kernel = provider.GetRequiredService<Kernel>();
        var agent = kernel.GetRequiredService<IChatClient>().AsChatCompletionService(provider);

        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var history = new ChatHistory("You are a concise travel assistant. Use the tools for weather and unit conversions.");
        foreach (var turn in Turns)
        {
            output.WriteLine("== Turn");
            output.WriteLine($"User: {turn}");
            history.AddUserMessage(turn);
            var reply = await agent.GetChatMessageContentAsync(history, settings, kernel, ct);
            history.Add(reply);
            output.WriteLine($"Assistant: {reply.Content}");
        }
    }
}
