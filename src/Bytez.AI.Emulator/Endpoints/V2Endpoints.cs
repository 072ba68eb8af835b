using System.Globalization;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Lifecycle;
using Microsoft.AspNetCore.Http;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>The v2 <c>/models/v2/*</c> endpoints (§3): listing, model requests and serverless runs.</summary>
internal sealed class V2Endpoints(EmulatorState state, RunPipeline pipeline)
{
    public Task ListModelsAsync(Exchange exchange)
    {
        var query = exchange.Http.Request.Query;
        var task = query["task"].ToString();
        var modelId = query["modelId"].ToString();
        var list = new JsonArray();
        foreach (var model in state.Models())
        {
            var v2Task = TaskNames.V2Task(model);
            if ((task.Length == 0 || string.Equals(task, v2Task, StringComparison.Ordinal))
                && (modelId.Length == 0 || string.Equals(modelId, model.ModelId, StringComparison.Ordinal)))
            {
                list.Add((JsonNode)Describe(model, v2Task));
            }
        }

        return exchange.WriteAsync(200, V2Shapes.Envelope(list));
    }

    public static Task ListTasksAsync(Exchange exchange) =>
        exchange.WriteAsync(200, V2Shapes.Envelope(new JsonArray([.. EmulatedTasks.V2Tasks.Select(t => (JsonNode)t)])));

    public Task RequestModelAsync(Exchange exchange)
    {
        if (exchange.ModelId is not { Length: > 0 } id)
        {
            return exchange.WriteErrorAsync(400, "Missing model id");
        }

        state.Job(id);
        return exchange.WriteAsync(200, V2Shapes.Envelope("Job queued"));
    }

    public async Task RunAsync(Exchange exchange)
    {
        if (!HttpMethods.IsPost(exchange.Http.Request.Method))
        {
            // The cluster verbs (PUT/GET/PATCH/DELETE on this path) were removed from Bytez in Sep 2025.
            await exchange.WriteErrorAsync(405, "Method not allowed");
            return;
        }

        if (exchange.Json is not null and not JsonObject)
        {
            await exchange.WriteErrorAsync(400, "Request body must be a JSON object");
            return;
        }

        if (await ServableModel.FindAsync(state, exchange) is not { } model)
        {
            return;
        }

        var request = RunInputs.FromV2(model, exchange.Body);
        var json = exchange.Body?["json"] is JsonValue j && j.TryGetValue(out bool wantsJson) ? wantsJson : true;
        await pipeline.ExecuteAsync(new RunCall(exchange.Http, RunSurface.V2, request, Instance: null, JsonOutput: json));
    }

    private static JsonObject Describe(EmulatedModel model, string task)
    {
        var ram = model.RamRequired;
        var meter = ram switch { <= 1 => "micro", <= 4 => "xs", <= 16 => "sm", <= 40 => "md", <= 80 => "lg", _ => "xl" };
        if (task is "chat" or "text-generation")
        {
            meter += "-lm";
        }

        return new JsonObject
        {
            ["modelId"] = model.ModelId,
            ["task"] = task,
            ["params"] = Math.Round(ram / 4, 2),
            ["ramRequired"] = ram,
            ["meter"] = meter,
            ["meterPrice"] = (ram * 0.0000045 * 10).ToString("0.##########", CultureInfo.InvariantCulture) + " / sec",
        };
    }
}
