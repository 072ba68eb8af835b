using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Lifecycle;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>
/// <c>POST /models/v2/openai/v1/{chat/completions, completions, responses}</c>: the OpenAI-compatible endpoints (wire
/// reference §3.10), backed by the same pipeline (scripts, faults, delays) and behaviours as native runs, answering in
/// OpenAI's shapes and errors.
/// </summary>
internal sealed class OpenAIEndpoints(EmulatorState state, RunPipeline pipeline)
{
    public Task ChatAsync(Exchange exchange) =>
        RunAsync(exchange, OpenAIApi.Chat, static (model, body) => OpenAIRequest.ForChat(model, body));

    public Task CompletionsAsync(Exchange exchange) =>
        RunAsync(exchange, OpenAIApi.Completions, static (_, body) => OpenAIRequest.ForCompletions(body));

    public Task ResponsesAsync(Exchange exchange) =>
        RunAsync(exchange, OpenAIApi.Responses, static (model, body) => OpenAIRequest.ForResponses(model, body));

    private async Task RunAsync(Exchange exchange, OpenAIApi api, Func<EmulatedModel, JsonObject, OpenAIRequest> read)
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

        if (await ServableModel.FindAsync(state, exchange) is not { } model)
        {
            return;
        }

        if (api == OpenAIApi.Responses && model.Provider is not ("openai" or "anthropic"))
        {
            await exchange.WriteErrorAsync(400, $"The Responses API serves closed-source openai and anthropic models only, not {model.ModelId}; use chat/completions");
            return;
        }

        OpenAIRequest request;
        try
        {
            request = read(model, body);
            if (api == OpenAIApi.Responses && model.Provider == "anthropic" && request.Tools is { Tools.Count: > 0 })
            {
                throw new OpenAIRequestException("Anthropic models take no tools through the Responses API; use chat/completions", "tools");
            }
        }
        catch (OpenAIRequestException ex)
        {
            await exchange.WriteAsync(400, OpenAIErrors.Body(400, ex.Message, ex.Parameter));
            return;
        }

        await pipeline.ExecuteAsync(new RunCall(exchange.Http, RunSurface.OpenAI, RunInputs.FromOpenAI(model, RunBody(request)), Instance: null, OpenAI: request));
    }

    /// <summary>The body the behaviours see: the plain conversation (or the prompt) as <c>messages</c>, the limits as params.</summary>
    private static JsonObject RunBody(OpenAIRequest request)
    {
        var body = (JsonObject)request.Body.DeepClone();
        body["messages"] = request.Api == OpenAIApi.Completions ? JsonValue.Create(request.Query) : request.PlainMessages.DeepClone();
        if (body["max_output_tokens"] is { } limit && body["max_tokens"] is null)
        {
            body["max_tokens"] = limit.DeepClone();
        }

        body.Remove("input");
        body.Remove("prompt");
        return body;
    }
}
