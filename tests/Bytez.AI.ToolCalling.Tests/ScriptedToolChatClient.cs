using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// A minimal chat adapter over a scripted "model" (prompt in, text out), wired to the formats exactly as the Bytez chat
/// client is meant to be: continue a plan without the model, otherwise render, run, parse.
/// </summary>
internal sealed class ScriptedToolChatClient(ToolCallFormat format, Func<ToolPrompt, string> model, int streamChunkSize = 3) : IChatClient
{
    public List<ToolPrompt> Prompts { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var list = messages.ToList();
        var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        var parseOptions = new ToolCallParseOptions { ToolMode = options?.ToolMode };
        if (format.TryContinuePlan(list, tools, parseOptions, out var planned))
        {
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, [.. planned.Contents])) { FinishReason = planned.FinishReason };
        }

        var prompt = format.Render(list, tools, options?.ToolMode);
        Prompts.Add(prompt);
        var result = format.Parse(model(prompt), tools, parseOptions);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, [.. result.Contents]))
        {
            FinishReason = result.FinishReason ?? ChatFinishReason.Stop,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var list = messages.ToList();
        var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        var parseOptions = new ToolCallParseOptions { ToolMode = options?.ToolMode };
        if (format.TryContinuePlan(list, tools, parseOptions, out var planned))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [.. planned.Contents]) { FinishReason = planned.FinishReason };
            yield break;
        }

        var prompt = format.Render(list, tools, options?.ToolMode);
        Prompts.Add(prompt);
        string text = model(prompt);
        var parser = format.CreateStreamParser(tools, parseOptions);
        for (int i = 0; i < text.Length; i += streamChunkSize)
        {
            var contents = parser.Feed(text.Substring(i, Math.Min(streamChunkSize, text.Length - i)));
            if (contents.Count > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, [.. contents]);
            }
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [.. parser.Complete()]) { FinishReason = parser.FinishReason ?? ChatFinishReason.Stop };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
