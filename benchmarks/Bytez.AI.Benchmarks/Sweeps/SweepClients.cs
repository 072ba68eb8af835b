using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Scenarios;
using Bytez.AI.Benchmarks.Server;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Benchmarks.Sweeps;

/// <summary>
/// The clients of the sweeps and of the streaming-memory measurement, against one fixed-reply server, through public
/// API only (<see cref="BytezModel"/>, <c>AsIChatClient</c>, <see cref="ToolCallFormats"/>): one protocol client, the raw
/// floor, and one IChatClient per model and tool format, created on first use and disposed with this object.
/// </summary>
public sealed class SweepClients : IAsyncDisposable
{
    private static readonly JsonElement ToolSchema = JsonDocument.Parse(
        """{"type":"object","properties":{"text":{"type":"string","description":"The text to record."}},"required":["text"]}""").RootElement.Clone();

    private readonly BytezClient _client;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<(string Model, string? Format), IChatClient> _chats = new();

    /// <summary>Initializes a new instance of the <see cref="SweepClients"/> class.</summary>
    /// <param name="endpoint">The server.</param>
    /// <param name="streamPieceBytes">The most bytes one read of a streamed body returns (see <see cref="PieceByPieceHandler"/>).</param>
    public SweepClients(Uri endpoint, int streamPieceBytes)
    {
        // The Bytez client gets the same handler chain it builds for itself (retry handler over a sockets handler),
        // with the piece-by-piece handler under it; the raw floor gets the piece-by-piece handler too.
        var http = new HttpClient(
            new BytezRetryHandler { InnerHandler = new PieceByPieceHandler(streamPieceBytes) { InnerHandler = new SocketsHttpHandler() } },
            disposeHandler: true);
        _client = new BytezClient(new BytezClientOptions
        {
            Endpoint = endpoint,
            ApiKey = BenchEmulator.ApiKey,
            ApiVersion = BytezApiVersion.V1, // the harness compares against raw v1 calls
            LoadPollInterval = TimeSpan.FromMilliseconds(5),
            HttpClient = http,
        });
        _http = http;
        Raw = new RawBytez(endpoint, BenchEmulator.ApiKey, new PieceByPieceHandler(streamPieceBytes) { InnerHandler = new SocketsHttpHandler() });
    }

    /// <summary>Gets the one tool the tool-calling paths declare.</summary>
    public static AIFunctionDeclaration Tool { get; } = AIFunctionFactory.CreateDeclaration(SweepInputs.ToolName, "Records a text.", ToolSchema);

    /// <summary>Gets chat options that declare <see cref="Tool"/>.</summary>
    public static ChatOptions WithTool { get; } = new() { Tools = [Tool] };

    /// <summary>Gets chat options with a (never reached) output limit, so the finish reason is computed from the reply's words.</summary>
    public static ChatOptions WithMaxOutputTokens { get; } = new() { MaxOutputTokens = 100_000_000 };

    /// <summary>Gets the raw floor.</summary>
    public RawBytez Raw { get; }

    /// <summary>Gets the protocol handle on a model.</summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>The model.</returns>
    public BytezModel Model(string modelId) => _client.GetModel(modelId);

    /// <summary>Gets the IChatClient for a model (messages input), with a tool-call format or none.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="format">The tool-call format; null for the default.</param>
    /// <returns>The chat client.</returns>
    public IChatClient Chat(string modelId, ToolCallFormat? format = null) =>
        _chats.GetOrAdd((modelId, format?.Name), _ => Model(modelId).AsIChatClient(new BytezChatClientOptions
        {
            InputMode = BytezChatInputMode.Messages,
            ToolCallFormat = format,
        }));

    /// <summary>Gets the text of a non-streamed response.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The text.</returns>
    public static string TextOf(ChatResponse response) => response?.Text ?? string.Empty;

    /// <summary>Gets the signature of the first function call of a response (or its text, when it has none).</summary>
    /// <param name="contents">The contents.</param>
    /// <returns>The signature.</returns>
    public static string? CallSignature(IEnumerable<AIContent> contents)
    {
        var call = contents.OfType<FunctionCallContent>().FirstOrDefault();
        if (call is null)
        {
            return null;
        }

        var text = call.Arguments?.TryGetValue("text", out var value) == true ? value switch
        {
            JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText(),
            _ => value?.ToString(),
        } : null;
        return SweepInputs.Signature(call.Name, text);
    }

    /// <summary>Reads a streamed response: its text, or the signature of the first function call it made.</summary>
    /// <param name="updates">The updates.</param>
    /// <returns>The text or the call signature.</returns>
    public static async Task<string> ReadStreamAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var text = new StringBuilder();
        string? call = null;
        await foreach (var update in updates.ConfigureAwait(false))
        {
            call ??= CallSignature(update.Contents);
            text.Append(update.Text);
        }

        return call ?? text.ToString();
    }

    /// <summary>Reads a raw Hermes call the way a hand-written client would: find the markers, parse the JSON once.</summary>
    /// <param name="text">The model's text.</param>
    /// <returns>The call signature.</returns>
    public static string RawToolCallSignature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Open = "<tool_call>";
        var start = text.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        var end = text.IndexOf("</tool_call>", start, StringComparison.Ordinal);
        using var call = JsonDocument.Parse(text.AsMemory(start, end - start));
        var root = call.RootElement;
        return SweepInputs.Signature(root.GetProperty("name").GetString()!, root.GetProperty("arguments").GetProperty("text").GetString());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Disposal.DisposeAllAsync([.. _chats.Values, Raw, _client, _http]).ConfigureAwait(false);
    }
}
