using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Scripting;
using Bytez.AI.Emulator.Faults;
using Bytez.AI.Emulator.Lifecycle;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>The v1 <c>/model/*</c> endpoints (§2 of the wire reference).</summary>
internal sealed class V1Endpoints(EmulatorState state, RunPipeline pipeline)
{
    public Task ListModelsAsync(Exchange exchange)
    {
        var task = exchange.Http.Request.Query["task"].ToString();
        var list = new JsonArray();
        foreach (var model in state.Models().Where(TaskNames.InV1))
        {
            var v1Task = TaskNames.V1Task(model);
            if (task.Length == 0 || string.Equals(task, v1Task, StringComparison.Ordinal))
            {
                list.Add((JsonNode)new JsonObject { ["modelId"] = model.ModelId, ["task"] = v1Task, ["ramRequired"] = model.RamRequired });
            }
        }

        return exchange.WriteAsync(200, list);
    }

    public Task ListInstancesAsync(Exchange exchange)
    {
        var list = new JsonArray();
        foreach (var (instance, now) in state.Instances())
        {
            list.Add((JsonNode)instance.ToStatusJson(now));
        }

        return exchange.WriteAsync(200, list);
    }

    public Task JobAsync(Exchange exchange)
    {
        if (exchange.ModelId is not { Length: > 0 } id)
        {
            return exchange.WriteErrorAsync(400, "Missing \"model\" in request body");
        }

        return exchange.WriteAsync(200, state.Job(id));
    }

    public async Task LoadAsync(Exchange exchange)
    {
        if (await KnownModelAsync(exchange) is not { } model)
        {
            return;
        }

        var body = exchange.Body!;
        var concurrency = 1;
        if (body["concurrency"] is { } c && (!TryNumber(c, out var n) || n < 1 || n != Math.Floor(n) || n > 1000))
        {
            await exchange.WriteErrorAsync(400, "concurrency must be a positive integer");
            return;
        }
        else if (body["concurrency"] is { } given && TryNumber(given, out var value))
        {
            concurrency = (int)value;
        }

        var idle = state.Options.DefaultIdleTimeout;
        if ((body["expirationPeriodSeconds"] ?? body["timeout"]) is { } e)
        {
            if (!TryNumber(e, out var seconds) || seconds <= 0)
            {
                await exchange.WriteErrorAsync(400, "expirationPeriodSeconds must be a positive number");
                return;
            }

            idle = TimeSpan.FromSeconds(seconds);
        }

        var script = state.ExistingScript(model.ModelId);
        var head = script?.PeekOperationFault(EmulatorOperation.Load)?.Fault;
        EmulatorFault? fault = null;
        Func<ScriptStep?>? startFault = null;
        if (head is EmulatorFault.LoadFailed or EmulatorFault.NeverRunning)
        {
            // Used up only when an instance actually starts.
            startFault = () => script!.TakeOperationFault(EmulatorOperation.Load);
        }
        else
        {
            fault = script?.TakeOperationFault(EmulatorOperation.Load)?.Fault;
            if (fault is { } f && FaultShaper.Immediate(f, RunSurface.V1, model.ModelId, state.Options, isLoad: true) is { } immediate)
            {
                await ResponseWriter.WriteAsync(exchange.Http, immediate, TimeSpan.Zero, state.Time);
                return;
            }
        }

        var (outcome, _) = state.Load(model.ModelId, concurrency, idle, startFault);
        var rendered = outcome switch
        {
            LoadOutcome.AlreadyLoaded => RenderedResponse.Json(409, HttpJson.V1Error(model.ModelId + " is already loaded")),
            LoadOutcome.InProgress => RenderedResponse.Json(429, HttpJson.V1Error(model.ModelId + ": operation already in progress: load")),
            _ => RenderedResponse.Json(200, new JsonObject { ["model"] = model.ModelId, ["status"] = "started", ["concurrency"] = concurrency }),
        };
        await WriteWithFaultAsync(exchange, rendered, fault);
    }

    public async Task StatusAsync(Exchange exchange)
    {
        if (await KnownModelAsync(exchange) is not { } model)
        {
            return;
        }

        var fault = state.ExistingScript(model.ModelId)?.TakeOperationFault(EmulatorOperation.Status)?.Fault;
        if (fault is { } f && FaultShaper.Immediate(f, RunSurface.V1, model.ModelId, state.Options) is { } immediate)
        {
            await ResponseWriter.WriteAsync(exchange.Http, immediate, TimeSpan.Zero, state.Time);
            return;
        }

        var instance = state.Instance(model.ModelId);
        var body = instance?.ToStatusJson(state.Now) ?? new JsonObject { ["model"] = model.ModelId, ["status"] = InstanceStatus.Stopped };
        await WriteWithFaultAsync(exchange, RenderedResponse.Json(200, FaultShaper.ClaimConcurrency(body, fault)), fault);
    }

    public async Task StopAsync(Exchange exchange)
    {
        if (await KnownModelAsync(exchange) is not { } model)
        {
            return;
        }

        var fault = state.ExistingScript(model.ModelId)?.TakeOperationFault(EmulatorOperation.Stop)?.Fault;
        if (fault is { } f && FaultShaper.Immediate(f, RunSurface.V1, model.ModelId, state.Options) is { } immediate)
        {
            await ResponseWriter.WriteAsync(exchange.Http, immediate, TimeSpan.Zero, state.Time);
            return;
        }

        var rendered = state.Stop(model.ModelId, "model/delete")
            ? RenderedResponse.Json(200, new JsonObject { ["model"] = model.ModelId, ["status"] = "stopped" })
            : RenderedResponse.Json(404, HttpJson.V1Error("No running instance of " + model.ModelId));
        await WriteWithFaultAsync(exchange, rendered, fault);
    }

    public async Task RunAsync(Exchange exchange)
    {
        if (await KnownModelAsync(exchange) is not { } model)
        {
            return;
        }

        if (state.ExistingScript(model.ModelId)?.TakeInstanceExpiry() == true)
        {
            state.Stop(model.ModelId, "expired (injected fault)");
        }

        var instance = state.Instance(model.ModelId);
        if (instance is null || instance.StatusAt(state.Now) != InstanceStatus.Running)
        {
            await exchange.WriteErrorAsync(400, $"Model {model.ModelId} is not running. Load it first with model/load.");
            return;
        }

        var request = RunInputs.FromV1(model, exchange.Body!);
        await pipeline.ExecuteAsync(new RunCall(exchange.Http, RunSurface.V1, request, instance));
    }

    /// <summary>Resolves the body's model (<c>model</c>, or the May-2024 <c>modelId</c>); answers 400/404 and returns null when it cannot.</summary>
    private async Task<EmulatedModel?> KnownModelAsync(Exchange exchange)
    {
        if (exchange.Body is null || exchange.ModelId is not { Length: > 0 } id)
        {
            await exchange.WriteErrorAsync(400, "Missing \"model\" in request body");
            return null;
        }

        if (state.FindModel(id) is not { } model || !TaskNames.InV1(model))
        {
            await exchange.WriteErrorAsync(404, "Model not found: " + id);
            return null;
        }

        exchange.ModelId = model.ModelId;
        return model;
    }

    private async Task WriteWithFaultAsync(Exchange exchange, RenderedResponse rendered, EmulatorFault? fault)
    {
        if (fault == EmulatorFault.SlowFirstByte)
        {
            await Task.Delay(state.Options.SlowFirstByteDelay, state.Time, exchange.Aborted);
        }

        await ResponseWriter.WriteAsync(exchange.Http, FaultShaper.Reshape(rendered, fault, RunSurface.V1), TimeSpan.Zero, state.Time);
    }

    private static bool TryNumber(JsonNode node, out double value)
    {
        value = 0;
        return node is JsonValue v && (v.TryGetValue(out value) || (v.TryGetValue(out string? s) && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out value)));
    }
}
