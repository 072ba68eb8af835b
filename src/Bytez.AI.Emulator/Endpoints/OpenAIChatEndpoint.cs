using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Lifecycle;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary><c>POST /models/v2/openai/v1/chat/completions</c>: the OpenAI-compatible chat endpoint, backed by the same behaviour as native runs.</summary>
internal sealed class OpenAIChatEndpoint(EmulatorState state, RunPipeline pipeline)
{
    public async Task ChatAsync(Exchange exchange)
    {
        if (exchange.Body is not { } body)
        {
            await exchange.WriteErrorAsync(400, "Request body must be a JSON object");
            return;
        }

        if (exchange.ModelId is not { Length: > 0 })
        {
            await exchange.WriteErrorAsync(400, "Missing \"model\" in request body");
            return;
        }

        if (body["messages"] is not JsonArray { Count: > 0 })
        {
            await exchange.WriteErrorAsync(400, "\"messages\" must be a non-empty array");
            return;
        }

        if (state.FindModel(exchange.ModelId) is not { } model)
        {
            await exchange.WriteErrorAsync(404, "Model not found: " + exchange.ModelId);
            return;
        }

        exchange.ModelId = model.ModelId;
        var request = RunInputs.FromOpenAI(model, body);
        await pipeline.ExecuteAsync(new RunCall(exchange.Http, RunSurface.OpenAI, request, Instance: null, OpenAIBody: body));
    }
}
