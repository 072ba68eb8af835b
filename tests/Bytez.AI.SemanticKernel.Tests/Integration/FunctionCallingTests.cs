using System.ComponentModel;
using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Bytez.AI.Emulator.Behaviors;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using static Bytez.AI.SemanticKernel.Tests.Integration.FastOptions;
using static Bytez.AI.TestSupport.EmulatorFixture;

namespace Bytez.AI.SemanticKernel.Tests.Integration;

/// <summary>
/// FunctionChoiceBehavior.Auto() over a Bytez model with no tool API: the chat client renders the kernel's functions
/// into the Hermes prompt, parses the model's &lt;tool_call&gt;, SK's KernelFunctionInvokingChatClient runs the plugin,
/// and the result goes back as &lt;tool_response&gt;.
/// </summary>
public sealed class FunctionCallingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string ToolName = "Weather_GetTemperature";

    private Kernel BuildKernel(WeatherPlugin plugin)
    {
        // A scripted Hermes model: it calls the weather tool it was offered, then answers with the temperature it
        // finds in the <tool_response>, so the answer proves the function's result reached the model.
        fixture.Emulator.Script(ToolModels.Qwen).Clear().Handle(request =>
        {
            string said = AllText(request.Input);
            if (said.Contains("<tool_response>", StringComparison.Ordinal))
            {
                return ScriptedResponse.Text(said.Contains("17.5", StringComparison.Ordinal)
                    ? "It is 17.5 °C in Seattle."
                    : "The tool response did not carry the temperature.");
            }

            // SK offers a plugin function to an IChatClient under its fully qualified name, Plugin_Function.
            string tool = said.Contains($"\"{ToolName}\"", StringComparison.Ordinal) ? ToolName : "tool_not_offered";
            return ScriptedResponse.Text($$$"""<tool_call>{"name": "{{{tool}}}", "arguments": {"city": "Seattle"}}</tool_call>""");
        });

        var builder = Kernel.CreateBuilder().AddBytezChatClient(ToolModels.Qwen, ApiKey, fixture.Endpoint, FastChat);
        builder.Plugins.AddFromObject(plugin, "Weather");
        return builder.Build();
    }

    [Fact]
    public async Task Auto_function_calling_runs_the_plugin_function()
    {
        var plugin = new WeatherPlugin();
        var kernel = BuildKernel(plugin);
        var chat = kernel.GetRequiredService<IChatClient>().AsChatCompletionService();

        var history = new ChatHistory();
        history.AddUserMessage("What is the temperature in Seattle?");
        var reply = await chat.GetChatMessageContentAsync(
            history,
            new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() },
            kernel);

        Assert.Equal(["Seattle"], plugin.Cities);
        Assert.Equal("It is 17.5 °C in Seattle.", reply.Content);
        // Two model requests: the one answered with the call, and the one carrying the result.
        Assert.Equal(2, await fixture.Emulator.RequestLog.CountWhenSettledAsync(l => l.Entries.Count(e => e.ModelId == ToolModels.Qwen && e.Body.Contains("What is the temperature in Seattle?", StringComparison.Ordinal)), 2));
        (kernel.Services as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Auto_function_calling_with_a_prompt_function_and_streaming()
    {
        var plugin = new WeatherPlugin();
        var kernel = BuildKernel(plugin);
        var arguments = new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() });

        var text = new StringBuilder();
        await foreach (var update in kernel.InvokePromptStreamingAsync<StreamingChatMessageContent>("How warm is it in Seattle right now?", arguments))
        {
            text.Append(update.Content);
        }

        Assert.Equal(["Seattle"], plugin.Cities);
        Assert.Equal("It is 17.5 °C in Seattle.", text.ToString());
        (kernel.Services as IDisposable)?.Dispose();
    }

    /// <summary>The text of a run's input: the prompt, or every message's content.</summary>
    private static string AllText(JsonNode? input) => input switch
    {
        JsonArray messages => string.Join("\n", messages.Select(m => m?["content"] is JsonValue v && v.TryGetValue(out string? s) ? s : m?["content"]?.ToJsonString())),
        JsonValue value when value.TryGetValue(out string? prompt) => prompt,
        _ => string.Empty,
    };

    public sealed class WeatherPlugin
    {
        public List<string> Cities { get; } = [];

        [KernelFunction, Description("Gets the current temperature in a city, in degrees Celsius.")]
        public double GetTemperature([Description("The city name")] string city)
        {
            Cities.Add(city);
            return 17.5;
        }
    }
}
