using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// A plain <see cref="IChatClient"/> that is not Bytez's: a scripted model with no tool API, text in and text out, as an
/// Ollama or OpenAI-compatible endpoint serving an open model would be. <see cref="PromptToolCallingChatClient"/> runs over
/// it exactly as over any other client.
/// </summary>
/// <param name="reply">The model: the text it answers to a request.</param>
/// <param name="modelId">The model id it reports in its metadata (the middleware picks the format from it).</param>
/// <param name="streamChunkSize">The size of the streamed text pieces (small, so markers arrive split).</param>
internal sealed class ScriptedModel(Func<ModelRequest, string> reply, string? modelId = null, int streamChunkSize = 3) : IChatClient
{
    private int _responses;

    /// <summary>Gets the requests the model received, oldest first.</summary>
    public List<ModelRequest> Requests { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        ModelRequest request = Record(messages, options);
        string id = NextId();
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(request)) { MessageId = id })
        {
            ResponseId = id,
            ModelId = options?.ModelId ?? modelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 7, OutputTokenCount = 5, TotalTokenCount = 12 },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        ModelRequest request = Record(messages, options);
        string id = NextId();
        string text = reply(request);
        for (int i = 0; i < text.Length; i += streamChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(streamChunkSize, text.Length - i)))
            {
                ResponseId = id,
                MessageId = id,
                ModelId = options?.ModelId ?? modelId,
            };
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, []) { ResponseId = id, MessageId = id, FinishReason = ChatFinishReason.Stop };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null :
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, modelId) :
        serviceType.IsInstanceOfType(this) ? this :
        null;

    public void Dispose()
    {
    }

    private ModelRequest Record(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var request = new ModelRequest([.. messages], options);
        Requests.Add(request);
        return request;
    }

    private string NextId() => "resp_" + Interlocked.Increment(ref _responses);
}

/// <summary>What the scripted model received.</summary>
/// <param name="Messages">The messages, as the middleware rendered them.</param>
/// <param name="Options">The options the middleware passed on.</param>
internal sealed record ModelRequest(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)
{
    /// <summary>Gets the raw completion prompt, when the format rendered one (<see cref="RawPromptMessage"/>).</summary>
    public string? RawPrompt => RawPromptMessage.TryGetPrompt(Messages, out string? prompt) ? prompt : null;

    /// <summary>Gets the text of the last message.</summary>
    public string LastText => Messages[^1].Text;
}
