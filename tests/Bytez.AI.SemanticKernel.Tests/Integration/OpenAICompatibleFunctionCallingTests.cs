using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using static Bytez.AI.TestSupport.EmulatorFixture;

namespace Bytez.AI.SemanticKernel.Tests.Integration;

/// <summary>
/// <c>FunctionChoiceBehavior.Auto()</c> with a closed-source model (<c>openai/gpt-4o</c>) through Bytez: the kernel's chat
/// client takes the OpenAI-compatible route, the plugin function goes as a native <c>tools</c> entry, the emulated model
/// answers with a <c>tool_calls</c> entry, SK runs the plugin, and the result goes back as a <c>role: "tool"</c> message.
/// Nothing is scripted: the emulated model plans the call and quotes the result.
/// </summary>
public sealed class OpenAICompatibleFunctionCallingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Gpt4o = "openai/gpt-4o";

    [Fact]
    public async Task Auto_function_calling_with_a_closed_source_model_uses_native_tool_calls()
    {
        var plugin = new FunctionCallingTests.WeatherPlugin();
        var builder = Kernel.CreateBuilder().AddBytezChatClient(Gpt4o, ApiKey, fixture.Endpoint);
        builder.Plugins.AddFromObject(plugin, "Weather");
        var kernel = builder.Build();
        var chat = kernel.GetRequiredService<IChatClient>().AsChatCompletionService();
        int before = fixture.Log.OpenAIChatBodies(Gpt4o).Count;

        var history = new ChatHistory();
        history.AddUserMessage("What is the temperature in Seattle?");
        var reply = await chat.GetChatMessageContentAsync(history, new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }, kernel);

        Assert.Equal(["Seattle"], plugin.Cities);
        Assert.Contains("17.5", reply.Content, StringComparison.Ordinal);
        var bodies = fixture.Log.OpenAIChatBodies(Gpt4o).Skip(before).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal("Weather_GetTemperature", bodies[0]["tools"]![0]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal("tool", bodies[1]["messages"]!.AsArray()[^1]!["role"]!.GetValue<string>());
        Assert.Equal(0, fixture.Log.Count(EmulatorRequestKind.V2Run, Gpt4o));
        (kernel.Services as IDisposable)?.Dispose();
    }
}
