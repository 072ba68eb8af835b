using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Emulator.Tests.Behaviors.Tools;

/// <summary>
/// An emulated tool model as a plain text-in, text-out <see cref="IChatClient"/> (no tool code): the messages become the
/// v1 input (a <see cref="RawPromptMessage"/> the raw prompt string, others a message array), the stop sequences the
/// <c>stop</c> param, and the generated text comes back whole or in the emulator's chunks. Tool calling is the real
/// middleware over it: <see cref="Pipeline"/>.
/// </summary>
/// <param name="run">Runs <c>(input, params, stream)</c> and returns the generated text's chunks (one for a body), prompt echo removed.</param>
internal sealed class EmulatedModel(Func<JsonNode, JsonObject, bool, Task<IReadOnlyList<string>>> run) : IChatClient
{
    public int ModelRequests { get; private set; }

    /// <summary>The application's pipeline over an emulated model: function invocation over prompt tool calling.</summary>
    public static IChatClient Pipeline(EmulatedModel model, ToolCallFormat format) =>
        new ChatClientBuilder(model).UseFunctionInvocation().UsePromptToolCalling(format).Build();

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        new(new ChatMessage(ChatRole.Assistant, string.Concat(await RunAsync(messages, options, stream: false))));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string chunk in await RunAsync(messages, options, stream: true))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private Task<IReadOnlyList<string>> RunAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        JsonNode input = RawPromptMessage.TryGetPrompt(messages, out string? prompt)
            ? JsonValue.Create(prompt)
            : new JsonArray([.. messages.Select(static m => (JsonNode)new JsonObject { ["role"] = m.Role.Value, ["content"] = m.Text })]);
        var parameters = new JsonObject();
        if (options?.StopSequences is { Count: > 0 } stops)
        {
            parameters["stop"] = new JsonArray([.. stops.Select(static s => (JsonNode)JsonValue.Create(s))]);
        }

        ModelRequests++;
        return run(input, parameters, stream);
    }
}
