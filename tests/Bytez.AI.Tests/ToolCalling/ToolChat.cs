using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.ToolCalling;

/// <summary>
/// A tool-calling chat stack over HTTP against the emulator, as an application builds it:
/// <c>new ChatClientBuilder(model.AsIChatClient()).UseFunctionInvocation().Build()</c>. Under the function invoker a
/// pass-through middleware records, for each round, how many model runs the emulator had received before it.
/// </summary>
internal sealed class ToolChat : IAsyncDisposable
{
    private readonly EmulatorFixture _emulator;
    private readonly IChatClient _model;

    private ToolChat(EmulatorFixture emulator, string modelId, BytezChatClientOptions? options)
    {
        _emulator = emulator;
        ModelId = modelId;
        _model = emulator.Client.GetModel(modelId).AsIChatClient(options);
        Client = new ChatClientBuilder(_model)
            .UseFunctionInvocation()
            .Use(
                (messages, chatOptions, next, cancellationToken) =>
                {
                    RunsBeforeRound.Add(RunCount);
                    return next(messages, chatOptions, cancellationToken);
                })
            .Build();
    }

    public string ModelId { get; }

    /// <summary>Gets the function-invoking client.</summary>
    public IChatClient Client { get; }

    public BytezEmulator Emulator => _emulator.Emulator;

    /// <summary>Gets the model runs the emulator had received when each round (each call to the Bytez chat client) began.</summary>
    public List<int> RunsBeforeRound { get; } = [];

    /// <summary>Gets the model runs (v1 or v2, streamed or not) of this model so far.</summary>
    public int RunCount => Emulator.RequestLog.RunCount(ModelId);

    /// <summary>Starts an emulator serving <paramref name="api"/> only, and the chat stack over a client speaking it.</summary>
    public static async Task<ToolChat> StartAsync(BytezApiVersion api, string modelId, BytezChatClientOptions? options = null) =>
        new(await EmulatorFixture.StartAsync(api), modelId, options);

    public ModelScript Script() => _emulator.Script(ModelId);

    /// <summary>Gets the JSON bodies of this model's runs, oldest first.</summary>
    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> RunBodies() =>
        Emulator.RequestLog.RunBodies(ModelId);

    /// <summary>Runs one request, streamed or not; a stream is collected into a response.</summary>
    public async Task<ChatResponse> AskAsync(string question, ChatOptions options, bool streaming) =>
        streaming
            ? await Client.GetStreamingResponseAsync(question, options).ToChatResponseAsync()
            : await Client.GetResponseAsync(question, options);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _model.Dispose();
        await _emulator.DisposeAsync();
    }
}
