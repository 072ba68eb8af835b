using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.Emulator.Endpoints.OpenAI;
using Bytez.AI.Emulator.Faults;
using Bytez.AI.Emulator.Lifecycle;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>
/// Answers a run for every endpoint: scripted errors and faults first (they happen at the gateway, before any
/// concurrency slot), then the instance's FIFO concurrency gate, scripted delays, the scripted or default output,
/// the endpoint's shape, and finally body-level faults.
/// </summary>
internal sealed class RunPipeline(EmulatorState state, MediaStore media)
{
    public async Task ExecuteAsync(RunCall call)
    {
        var options = state.Options;
        var script = state.ExistingScript(call.Model.ModelId);
        var step = script?.TakeRun();
        var fault = step?.Fault;
        if (fault is { } f && FaultShaper.Immediate(f, call.Surface, call.Model.ModelId, options) is { } immediate)
        {
            await Write(call, immediate);
            return;
        }

        if (step?.Response is { StatusCode: > 0 } failure)
        {
            await Write(call, Failure(call.Surface, failure));
            return;
        }

        var instance = call.Instance;
        var ended = instance is null;
        void End()
        {
            if (!ended)
            {
                ended = true;
                state.RunEnded(instance!);
                instance!.Gate.Release();
            }
        }

        if (instance is not null)
        {
            await instance.Gate.EnterAsync(call.Http.RequestAborted);
            state.RunStarted(instance);
        }

        try
        {
            var (delay, firstByte) = script?.TakeDelays() ?? default;
            if (fault == EmulatorFault.SlowFirstByte)
            {
                firstByte += options.SlowFirstByteDelay;
            }

            if (delay + firstByte > TimeSpan.Zero)
            {
                await Task.Delay(delay + firstByte, state.Time, call.Http.RequestAborted);
            }

            var scripted = step?.Response ?? script?.AskHandlers(call.Request);
            RenderedResponse rendered;
            if (scripted is { StatusCode: > 0 })
            {
                rendered = Failure(call.Surface, scripted);
            }
            else
            {
                try
                {
                    rendered = call.Request.Stream ? RenderStream(call, scripted) : RenderBody(call, scripted);
                    rendered = FaultShaper.Reshape(rendered, fault, call.Surface);
                }
                catch (EmulatorInputException ex)
                {
                    rendered = InputError(call.Surface, ex);
                }
            }

            if (!rendered.Streamed)
            {
                // The work is done once the answer exists: free the slot and restart the idle timer before the
                // caller can see the answer, so what it observes next (status, expiry) already reflects this run.
                End();
            }

            await Write(call, rendered);
        }
        finally
        {
            End();
        }
    }

    private Task Write(RunCall call, RenderedResponse response) =>
        ResponseWriter.WriteAsync(call.Http, response, state.Options.StreamChunkDelay, state.Time);

    private RenderedResponse RenderBody(RunCall call, ScriptedResponse? scripted)
    {
        if (call.Surface == RunSurface.OpenAI)
        {
            return OpenAIRendering.Body(call, scripted, Behavior(call), state.Now);
        }

        var text = scripted?.ReplyText ?? scripted?.JoinedChunks;

        var body = scripted?.Body ?? (text is not null ? V1Shapes.FromText(call, text) : Behavior(call).Run(call.Request));
        if (call.Surface == RunSurface.V1)
        {
            return RenderedResponse.Json(200, body);
        }

        return call.Model.Provider is { } provider ? ProviderShapes.Render(call, body, provider, state.Now) : V2Shapes.Render(call, body, media);
    }

    private RenderedResponse RenderStream(RunCall call, ScriptedResponse? scripted)
    {
        if (call.Surface == RunSurface.OpenAI)
        {
            return OpenAIRendering.Stream(call, scripted, Behavior(call), state.Now);
        }

        List<string> deltas;
        List<byte[]>? raw = null;
        if (scripted?.Chunks is { } bytes)
        {
            raw = [.. bytes];
            deltas = TextChunker.Decode(bytes);
        }
        else if ((scripted?.ReplyText ?? (scripted?.Body is { } body ? V1Shapes.ReplyText(body) : null)) is { } reply)
        {
            deltas = TextChunker.Words(V1Shapes.StreamText(call, reply));
        }
        else if (Behavior(call).Stream(call.Request) is { } streamed)
        {
            deltas = [.. streamed];
        }
        else
        {
            deltas = FallbackStream(call);
        }

        return new RenderedResponse
        {
            StatusCode = 200,
            ContentType = OpenAIShapes.SseContentType, // what the containers send for raw text; it is not SSE
            Chunks = raw ?? TextChunker.Utf8(deltas),
            Streamed = true,
        };
    }

    /// <summary>A task without a stream: v1 sends the container's in-band error; v2 streams a text output whole.</summary>
    private List<string> FallbackStream(RunCall call)
    {
        if (call.Surface != RunSurface.V1)
        {
            var body = Behavior(call).Run(call.Request);
            var text = HttpJson.String(V2Shapes.MapOutput(call, body["output"]));
            if (text is not null)
            {
                return TextChunker.Words(text);
            }
        }

        return [V1Shapes.StreamNotSupported];
    }

    private ITaskBehavior Behavior(RunCall call) => state.BehaviorFor(call.Model);

    private static RenderedResponse Failure(RunSurface surface, ScriptedResponse failure) =>
        RenderedResponse.Json(failure.StatusCode, FaultShaper.Error(surface, failure.Error ?? string.Empty, failure.StatusCode), failure.RetryAfter);

    private static RenderedResponse InputError(RunSurface surface, EmulatorInputException ex)
    {
        if (surface == RunSurface.OpenAI)
        {
            return RenderedResponse.Json(400, OpenAIErrors.Body(400, ex.Message));
        }

        if (surface != RunSurface.V1)
        {
            return RenderedResponse.Json(422, HttpJson.V2Error(ex.Message));
        }

        var trace = new StringBuilder()
            .Append("Traceback (most recent call last):\n")
            .Append("  File \"run_endpoint_handler.py\", line 9, in run_endpoint_handler\n")
            .Append("    output = model_run(request.json)\n")
            .Append("ValueError: ").Append(ex.Message).Append('\n')
            .ToString();
        return RenderedResponse.Json(422, new JsonObject { ["error"] = ex.Message, ["stack_trace"] = trace });
    }
}
