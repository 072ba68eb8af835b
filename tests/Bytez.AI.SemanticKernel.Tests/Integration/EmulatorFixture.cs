using Bytez.AI.Emulator;

namespace Bytez.AI.SemanticKernel.Tests.Integration;

/// <summary>One emulator on 127.0.0.1 per test class, with millisecond load delays.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key";
    public const string ChatModel = "microsoft/Phi-3-mini-4k-instruct";
    public const string OtherChatModel = "openai-community/gpt2";
    public const string ToolModel = "Qwen/Qwen3-4B";
    public const string EmbeddingModel = "sentence-transformers/all-MiniLM-L6-v2";
    public const string ImageModel = "dreamlike-art/dreamlike-photoreal-2.0";

    private BytezEmulator? _emulator;

    public BytezEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    public Uri Endpoint => Emulator.Endpoint;

    /// <summary>Load options that poll every few milliseconds, so a load costs the emulator's tiny delays only.</summary>
    public static BytezLoadOptions FastLoad { get; } = new() { PollInterval = TimeSpan.FromMilliseconds(10), LoadTimeout = TimeSpan.FromSeconds(30) };

    public static BytezChatClientOptions FastChat => new() { LoadOptions = FastLoad };

    public static BytezEmbeddingGeneratorOptions FastEmbeddings => new() { LoadOptions = FastLoad };

    public static BytezImageGeneratorOptions FastImages => new() { LoadOptions = FastLoad };

    public async Task InitializeAsync() => _emulator = await StartEmulatorAsync();

    /// <summary>Starts an emulator with millisecond load delays that serves every model these tests name.</summary>
    public static async Task<BytezEmulator> StartEmulatorAsync()
    {
        var emulator = await BytezEmulator.StartAsync(new BytezEmulatorOptions
        {
            StartingDelay = TimeSpan.FromMilliseconds(5),
            InstantiatingDelay = TimeSpan.FromMilliseconds(5),
        });

        // Make sure the catalog serves these whatever the default catalog holds.
        EmulatedModel[] models =
        [
            new(ChatModel, "text-generation") { IsChat = true },
            new(OtherChatModel, "text-generation"),
            new(ToolModel, "text-generation") { IsChat = true, ToolFormat = "hermes" },
            new(EmbeddingModel, "sentence-similarity"),
            new(ImageModel, "text-to-image"),
        ];
        foreach (var model in models.Where(m => !emulator.Models.Any(served => served.ModelId == m.ModelId)))
        {
            emulator.AddModel(model);
        }

        return emulator;
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
