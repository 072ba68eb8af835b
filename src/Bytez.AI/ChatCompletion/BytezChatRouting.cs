namespace Bytez.AI.ChatCompletion;

/// <summary>
/// The one place that decides which endpoint a chat client talks to (<see cref="BytezChatClientOptions.Route"/>), read by
/// <c>AsIChatClient</c>, the composition root. It is also the one place above the protocol that looks at the API
/// generation: the OpenAI-compatible endpoint exists on v2 only.
/// </summary>
internal static class BytezChatRouting
{
    /// <summary>Provider prefixes whose every model is closed-source on Bytez.</summary>
    private static readonly string[] ClosedProviders = ["anthropic/", "mistral/", "cohere/"];

    /// <summary>
    /// Open-weight families published under the <c>openai</c> organisation on Hugging Face: Bytez serves them as open
    /// models, not through OpenAI.
    /// </summary>
    private static readonly string[] OpenOpenAIFamilies = ["openai/gpt-oss", "openai/whisper", "openai/clip"];

    /// <summary>Resolves the route a client takes: <see cref="BytezChatRoute.Native"/> or <see cref="BytezChatRoute.OpenAICompatible"/>.</summary>
    /// <param name="model">The model the client is bound to.</param>
    /// <param name="requested">The route the options ask for.</param>
    /// <returns>The route; never <see cref="BytezChatRoute.Auto"/>.</returns>
    /// <exception cref="NotSupportedException">The OpenAI-compatible route was asked for on a v1 client (before any request).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requested"/> is not a defined route.</exception>
    public static BytezChatRoute Resolve(BytezModel model, BytezChatRoute requested)
    {
        bool v2 = model.Client.ApiVersion == BytezApiVersion.V2;
        switch (requested)
        {
            case BytezChatRoute.Native:
                return BytezChatRoute.Native;
            case BytezChatRoute.Auto:
                return v2 && IsClosedSource(model.ModelId) ? BytezChatRoute.OpenAICompatible : BytezChatRoute.Native;
            case BytezChatRoute.OpenAICompatible when v2:
                return BytezChatRoute.OpenAICompatible;
            case BytezChatRoute.OpenAICompatible:
                throw new NotSupportedException(
                    $"BytezChatRoute.OpenAICompatible needs the v2 API, which this client does not speak (BytezClientOptions.ApiVersion = BytezApiVersion.V1): the v1 API has no OpenAI-compatible endpoint. Set BytezClientOptions.ApiVersion = BytezApiVersion.V2 (the default), or use BytezChatRoute.Native for '{model.ModelId}'.");
            default:
                throw new ArgumentOutOfRangeException(nameof(requested), requested, "BytezChatClientOptions.Route must be Auto, Native or OpenAICompatible.");
        }
    }

    /// <summary>
    /// Gets whether a model id names a closed-source model Bytez serves through its provider (wire reference §3.9):
    /// <c>anthropic/</c>, <c>mistral/</c> and <c>cohere/</c> ids, <c>openai/</c> ids other than OpenAI's open-weight
    /// families, and Google's Gemini models (<c>google/gemini-…</c>; other <c>google/</c> ids such as Gemma, Flan-T5 or ViT
    /// are open Hugging Face models, and Mistral's open models are <c>mistralai/</c>).
    /// </summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>Whether Auto sends it to the OpenAI-compatible endpoint.</returns>
    public static bool IsClosedSource(string modelId)
    {
        if (ClosedProviders.Any(p => modelId.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (modelId.StartsWith("openai/", StringComparison.OrdinalIgnoreCase))
        {
            return !OpenOpenAIFamilies.Any(f => modelId.StartsWith(f, StringComparison.OrdinalIgnoreCase));
        }

        return modelId.StartsWith("google/gemini", StringComparison.OrdinalIgnoreCase);
    }
}
