using Bytez.AI.Benchmarks.Server;

namespace Bytez.AI.Benchmarks.Infrastructure;

/// <summary>
/// The fixed-reply server scripted like <see cref="BenchEmulator"/>: the same model ids and the same answers on the
/// native and the OpenAI-compatible endpoint, so <see cref="Scenarios.BenchClients"/> runs unchanged against either.
/// </summary>
public static class FixedBench
{
    /// <summary>The OpenAI-compatible chat path.</summary>
    public const string OpenAIChatPath = "models/v2/openai/v1/chat/completions";

    /// <summary>Gets the fixed embedding vector (384 values that print and parse exactly).</summary>
    public static float[] Vector { get; } = [.. Enumerable.Range(0, 384).Select(i => ((i * 7) % 17 / 16f) - 0.5f)];

    /// <summary>Starts a server that answers the benchmark models.</summary>
    /// <returns>The running server.</returns>
    public static FixedReplyServer Start()
    {
        var server = FixedReplyServer.Start();
        AddLifecycle(server, [(BenchEmulator.ChatModel, "text-generation"), (BenchEmulator.StreamModel, "text-generation"),
            (BenchEmulator.EmbeddingModel, "feature-extraction"), (BenchEmulator.ImageModel, "text-to-image")]);

        server.Set("model/run", BenchEmulator.ChatModel, CannedReply.Json(BenchReplies.Chat([("user", "Tell me something."), ("assistant", BenchEmulator.ChatReply)])));
        server.Set("model/run", BenchEmulator.StreamModel, CannedReply.Stream(BenchEmulator.StreamChunks));
        server.Set("model/run", BenchEmulator.EmbeddingModel, CannedReply.Json(BenchReplies.Embedding(Vector)));
        server.Set("model/run", BenchEmulator.ImageModel, CannedReply.Json(BenchReplies.Png(BenchEmulator.Png)));

        // v2 (the default generation): the model in the path, the {error, output} envelope, a listing for the chat
        // client's input-mode lookup; the streamed body is the same raw text as v1's.
        server.Set("models/v2/list/models", CannedReply.Json(BenchReplies.V2ModelList(
            [(BenchEmulator.ChatModel, "chat"), (BenchEmulator.StreamModel, "chat"), (BenchEmulator.EmbeddingModel, "feature-extraction")])));
        server.Set(V2RunPath(BenchEmulator.ChatModel), CannedReply.Json(BenchReplies.V2Chat(BenchEmulator.ChatReply)));
        server.Set(V2RunPath(BenchEmulator.StreamModel), CannedReply.Stream(BenchEmulator.StreamChunks));
        server.Set(V2RunPath(BenchEmulator.EmbeddingModel), CannedReply.Json(BenchReplies.V2Embedding(Vector)));

        server.Set(OpenAIChatPath, BenchEmulator.ChatModel, CannedReply.Json(BenchReplies.OpenAICompletion(BenchEmulator.ChatModel, BenchEmulator.ChatReply)));
        server.Set(OpenAIChatPath, BenchEmulator.StreamModel, CannedReply.Stream(
            BenchReplies.OpenAIStreamEvents(BenchEmulator.StreamModel, BenchEmulator.StreamChunks), CannedReply.SseContentType));
        return server;
    }

    /// <summary>The v2 run path of a model: <c>models/v2/{modelId}</c>, its slash kept.</summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>The path.</returns>
    public static string V2RunPath(string modelId) => "models/v2/" + modelId;

    /// <summary>Answers the lifecycle calls for any model (load, status RUNNING, stop) and lists <paramref name="models"/>.</summary>
    /// <param name="server">The server.</param>
    /// <param name="models">The models the listing shows, with their tasks.</param>
    public static void AddLifecycle(FixedReplyServer server, IEnumerable<(string ModelId, string Task)> models)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Set("model/list", CannedReply.Json(BenchReplies.ModelList(models)));
        server.Set("model/load", CannedReply.Json(BenchReplies.LoadStarted));
        server.Set("model/status", CannedReply.Json(BenchReplies.StatusRunning));
        server.Set("model/delete", CannedReply.Json(BenchReplies.Stopped));
    }
}
