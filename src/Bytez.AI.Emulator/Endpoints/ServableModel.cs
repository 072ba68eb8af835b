using Bytez.AI.Emulator.Lifecycle;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>The checks every v2 run endpoint (native and OpenAI-compatible) makes before running a model.</summary>
internal static class ServableModel
{
    /// <summary>
    /// The catalog entry of the exchange's model, or null once the error is written: 404 for an unknown model, 401 for a
    /// provider that needs the caller's own key (Cohere) when no <c>provider-key</c> header came.
    /// </summary>
    public static async Task<EmulatedModel?> FindAsync(EmulatorState state, Exchange exchange)
    {
        if (state.FindModel(exchange.ModelId) is not { } model)
        {
            await exchange.WriteErrorAsync(404, "Model not found: " + exchange.ModelId);
            return null;
        }

        exchange.ModelId = model.ModelId;
        if (ProviderShapes.RequiresKey(model) && string.IsNullOrWhiteSpace(exchange.Http.Request.Headers[ProviderShapes.KeyHeader]))
        {
            await exchange.WriteErrorAsync(401, $"Missing provider-key header: {model.Provider} models need your {model.Provider} API key");
            return null;
        }

        return model;
    }
}
