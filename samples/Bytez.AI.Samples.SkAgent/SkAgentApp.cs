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

        // The Bytez model as a chat client that lets the kernel invoke its plugins; disposing it stops the model.
        using var chatClient = new ChatClientBuilder(environment.Client.GetModel(Model).AsIChatClient(new() { LoadProgress = new ConsoleLoadProgress(output) }))
            .UseKernelFunctionInvocation()
            .Build();

        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chatClient.AsChatCompletionService());
        builder.Plugins.AddFromType<WeatherPlugin>("Weather");
        builder.Plugins.AddFromType<UnitsPlugin>("Units");
        var kernel = builder.Build();
        kernel.AutoFunctionInvocationFilters.Add(new PluginCallPrinter(output));

        var agent = kernel.GetRequiredService<IChatCompletionService>();
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
