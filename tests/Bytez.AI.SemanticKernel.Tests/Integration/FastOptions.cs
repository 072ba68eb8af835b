namespace Bytez.AI.SemanticKernel.Tests.Integration;

/// <summary>
/// Options for the services the kernel registrations build (each with its own client and the 5-second default poll
/// interval): load options that poll every few milliseconds, so a load costs the emulator's tiny delays only.
/// </summary>
internal static class FastOptions
{
    public static BytezLoadOptions FastLoad { get; } = new() { PollInterval = TimeSpan.FromMilliseconds(10), LoadTimeout = TimeSpan.FromSeconds(30) };

    public static BytezChatClientOptions FastChat => new() { LoadOptions = FastLoad };

    public static BytezEmbeddingGeneratorOptions FastEmbeddings => new() { LoadOptions = FastLoad };

    public static BytezImageGeneratorOptions FastImages => new() { LoadOptions = FastLoad };
}
