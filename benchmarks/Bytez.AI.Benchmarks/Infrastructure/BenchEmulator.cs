using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Bytez.AI.Emulator.Behaviors.Media;

namespace Bytez.AI.Benchmarks.Infrastructure;

/// <summary>
/// The emulator the benchmarks run against: no load or chunk delays, and scripted models whose answers are the same on
/// the native and the OpenAI-compatible endpoint, so every path receives the same text.
/// </summary>
public static class BenchEmulator
{
    /// <summary>The chat model: a fixed ~60-word reply to every call, streamed or not.</summary>
    public const string ChatModel = "bench/chat-instruct";

    /// <summary>The streaming model: a reply of <see cref="StreamChunkCount"/> chunks.</summary>
    public const string StreamModel = "bench/stream-instruct";

    /// <summary>The embedding model (emulator default behaviour: 384-dimension flat vectors).</summary>
    public const string EmbeddingModel = "sentence-transformers/all-MiniLM-L6-v2";

    /// <summary>The image model: a scripted ~1 MB PNG in <c>output_png</c>.</summary>
    public const string ImageModel = "dreamlike-art/dreamlike-photoreal-2.0";

    /// <summary>The API key every path sends.</summary>
    public const string ApiKey = "bench-key";

    /// <summary>The number of chunks the streaming model sends.</summary>
    public const int StreamChunkCount = 200;

    /// <summary>Gets the chat model's reply.</summary>
    public static string ChatReply { get; } = string.Join(' ', Enumerable.Range(0, 60).Select(i => "word" + i)) + ".";

    /// <summary>Gets the streaming model's chunks: "w0 ", "w1 ", ...</summary>
    public static string[] StreamChunks { get; } = [.. Enumerable.Range(0, StreamChunkCount).Select(i => $"w{i} ")];

    /// <summary>Gets the streamed reply whole.</summary>
    public static string StreamReply { get; } = string.Concat(StreamChunks);

    /// <summary>Gets the scripted image: a 560 x 560 RGBA PNG of opaque noise (about 1 MB: the colour channels do not compress).</summary>
    public static byte[] Png { get; } = NoisePng(560, 560);

    /// <summary>Starts an in-process emulator with the benchmark models scripted.</summary>
    /// <param name="streamChunkDelay">The pause between streamed chunks (zero for throughput runs).</param>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<BytezEmulator> StartAsync(TimeSpan streamChunkDelay = default, int port = 0)
    {
        var options = new BytezEmulatorOptions
        {
            Port = port,
            StartingDelay = TimeSpan.Zero,
            InstantiatingDelay = TimeSpan.Zero,
            StreamChunkDelay = streamChunkDelay,
        };
        options.Models.Add(new EmulatedModel(ChatModel, "text-generation", 14.65) { IsChat = true });
        options.Models.Add(new EmulatedModel(StreamModel, "text-generation", 14.65) { IsChat = true });

        var emulator = await BytezEmulator.StartAsync(options).ConfigureAwait(false);
        emulator.Script(ChatModel).Reply(ChatReply).Forever();
        emulator.Script(StreamModel).StreamChunks(StreamChunks).Forever();
        emulator.Script(ImageModel).ReplyJson(new JsonObject { ["output_png"] = Convert.ToBase64String(Png) }).Forever();
        return emulator;
    }

    /// <summary>Adds a fresh chat model (for racing first calls) that replies <see cref="ChatReply"/>.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="modelId">The new model id.</param>
    public static void AddChatModel(BytezEmulator emulator, string modelId)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        emulator.AddModel(new EmulatedModel(modelId, "text-generation", 14.65) { IsChat = true });
        emulator.Script(modelId).Reply(ChatReply).Forever();
    }

    /// <summary>Gets the 256 embedding inputs: short distinct sentences.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The inputs.</returns>
    public static string[] EmbeddingInputs(int count = 256) =>
        [.. Enumerable.Range(0, count).Select(i => $"Sentence number {i} about the quick brown fox and benchmark {i % 7}.")];

    private static byte[] NoisePng(int width, int height)
    {
        var rgba = new byte[width * height * 4];
        var random = new Random(42);
        random.NextBytes(rgba);
        for (var i = 3; i < rgba.Length; i += 4)
        {
            rgba[i] = 255;
        }

        return PngEncoder.Encode(width, height, rgba);
    }
}
