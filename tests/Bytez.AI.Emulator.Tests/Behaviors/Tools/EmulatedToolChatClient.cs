using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Emulator.Tests.Behaviors.Tools;

/// <summary>
/// A minimal chat client doing what the Bytez chat adapter does with a tool format (see ToolCalling/README.md): plan
/// continuation, render, run the model, parse (whole or streamed). The model runs through <paramref name="run"/>:
/// in-process behaviour or HTTP.
/// </summary>
/// <param name="format">The tool format.</param>
/// <param name="run">Runs <c>(input, params, stream)</c> and returns the generated text's chunks (one for a body), prompt echo removed.</param>
internal sealed class EmulatedToolChatClient(ToolCallFormat format, Func<JsonNode, JsonObject, bool, Task<IReadOnlyList<string>>> run) : IChatClient
{
    public int ModelRequests { get; private set; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Run(messages, options, stream: false))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Run(messages, options, stream: true);

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private async IAsyncEnumerable<ChatResponseUpdate> Run(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var history = messages.ToList();
        var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        var parseOptions = new ToolCallParseOptions { ToolMode = options?.ToolMode };
        if (format.TryContinuePlan(history, tools, parseOptions, out var planned))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [.. planned.Contents]) { FinishReason = planned.FinishReason };
            yield break;
        }

        ToolPrompt prompt = format.Render(history, tools, options?.ToolMode);
        var parameters = new JsonObject();
        if (prompt.StopSequences.Count > 0)
        {
            parameters["stop"] = new JsonArray([.. prompt.StopSequences.Select(static s => (JsonNode)JsonValue.Create(s))]);
        }

        ModelRequests++;
        IReadOnlyList<string> chunks = await run(ToolModelRuns.Input(prompt), parameters, stream);
        var parser = format.CreateStreamParser(tools, parseOptions);
        foreach (string chunk in chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var contents = parser.Feed(chunk);
            if (contents.Count > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, [.. contents]);
            }
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [.. parser.Complete()]) { FinishReason = parser.FinishReason ?? ChatFinishReason.Stop };
    }
}
