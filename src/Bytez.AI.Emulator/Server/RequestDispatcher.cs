using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Endpoints;
using Bytez.AI.Emulator.Endpoints.OpenAI;
using Bytez.AI.Emulator.Lifecycle;
using Bytez.AI.Emulator.Logging;
using Microsoft.AspNetCore.Http;

namespace Bytez.AI.Emulator.Server;

/// <summary>The emulator's single terminal middleware: routes by path, checks the key, logs the exchange.</summary>
internal sealed class RequestDispatcher
{
    private const string V2Prefix = "models/v2/";
    private readonly EmulatorState _state;
    private readonly ApiKeyValidator _keys;
    private readonly V1Endpoints _v1;
    private readonly V2Endpoints _v2;
    private readonly OpenAIEndpoints _openAI;
    private readonly MediaStore _media;

    public RequestDispatcher(EmulatorState state)
    {
        _state = state;
        _keys = new ApiKeyValidator(state.Options.AcceptedApiKeys);
        _media = new MediaStore();
        var pipeline = new RunPipeline(state, _media);
        _v1 = new V1Endpoints(state, pipeline);
        _v2 = new V2Endpoints(state, pipeline);
        _openAI = new OpenAIEndpoints(state, pipeline);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var started = _state.Now;
        var exchange = new Exchange(context);
        var path = (context.Request.Path.Value ?? "/").Trim('/');
        var logged = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref logged, 1) == 0)
            {
                AddLogEntry(exchange, started);
            }
        }

        // Logged as the response starts, so a caller that has its answer always finds it in the log.
        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        try
        {
            if (path.StartsWith("cdn/", StringComparison.Ordinal))
            {
                exchange.Kind = EmulatorRequestKind.Media;
                await ServeMediaAsync(exchange, path["cdn/".Length..]);
                return;
            }

            if (path == "health")
            {
                context.Response.StatusCode = 200;
                return;
            }

            if (path.StartsWith(Faults.FaultShaper.OtherHostPrefix, StringComparison.Ordinal))
            {
                exchange.Kind = EmulatorRequestKind.OtherHost;
                await ReadBodyAsync(exchange);
                await ServeOtherHostAsync(exchange);
                return;
            }

            await ReadBodyAsync(exchange);
            var handler = Route(exchange, path);
            var key = ApiKeyValidator.KeyFromHeader(context.Request) ?? (exchange.IsV2 ? null : HttpJson.String(exchange.Body?["key"]));
            if (!_keys.IsAccepted(key))
            {
                await exchange.WriteErrorAsync(401, "Unauthorized");
                return;
            }

            if (exchange.JsonError is not null)
            {
                await exchange.WriteErrorAsync(400, "Malformed JSON body: " + exchange.JsonError);
                return;
            }

            await handler(exchange);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nothing left to answer.
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            EmulatorLog.Unhandled(_state.Logger, ex, path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await exchange.WriteErrorAsync(500, "Internal server error: " + ex.Message);
            }
            else
            {
                context.Abort();
            }
        }
        finally
        {
            Record();
        }
    }

    private void AddLogEntry(Exchange exchange, DateTimeOffset started)
    {
        var context = exchange.Http;
        var status = context.Response.StatusCode;
        var pathAndQuery = context.Request.Path.Value + context.Request.QueryString.Value;
        _state.Log.Add(new EmulatorRequestLogEntry(
            exchange.Kind,
            context.Request.Method,
            pathAndQuery,
            exchange.ModelId,
            BodyRedactor.Redact(exchange.Json, exchange.RawBody),
            status,
            started)
        {
            ProviderKey = string.IsNullOrWhiteSpace(context.Request.Headers[ProviderShapes.KeyHeader]) ? null : BodyRedactor.Redacted,
            HadAuthorization = context.Request.Headers.Authorization.Count > 0,
        });
        EmulatorLog.RequestHandled(_state.Logger, context.Request.Method, pathAndQuery, status);
    }

    private Func<Exchange, Task> Route(Exchange exchange, string path)
    {
        var body = exchange.Body;
        var api = _state.Options.Api;
        if (path.StartsWith("model/", StringComparison.Ordinal))
        {
            if (!api.HasFlag(BytezEmulatorApi.V1))
            {
                // A v2-only server: the legacy paths do not exist.
                return NotFound;
            }

            exchange.ModelId = HttpJson.String(body?["model"]) ?? HttpJson.String(body?["modelId"]);
        }

        switch (path)
        {
            case "model/list":
                exchange.Kind = EmulatorRequestKind.ListModels;
                return _v1.ListModelsAsync;
            case "model/instances":
                exchange.Kind = EmulatorRequestKind.ListInstances;
                return _v1.ListInstancesAsync;
            case "model/job":
                exchange.Kind = EmulatorRequestKind.Job;
                return _v1.JobAsync;
            case "model/load":
                exchange.Kind = EmulatorRequestKind.Load;
                return _v1.LoadAsync;
            case "model/status":
                exchange.Kind = EmulatorRequestKind.Status;
                return _v1.StatusAsync;
            case "model/delete":
                exchange.Kind = EmulatorRequestKind.Stop;
                return _v1.StopAsync;
            case "model/run":
                exchange.Kind = IsStream(body) ? EmulatorRequestKind.RunStream : EmulatorRequestKind.Run;
                return _v1.RunAsync;
        }

        if (!path.StartsWith(V2Prefix, StringComparison.Ordinal))
        {
            return NotFound;
        }

        exchange.IsV2 = true;
        if (!api.HasFlag(BytezEmulatorApi.V2))
        {
            // A v1-only server: nothing under models/v2/, the OpenAI-compatible endpoint included.
            return NotFound;
        }

        var rest = path[V2Prefix.Length..];
        switch (rest)
        {
            case "list/models":
                exchange.Kind = EmulatorRequestKind.V2ListModels;
                return _v2.ListModelsAsync;
            case "list/tasks":
                exchange.Kind = EmulatorRequestKind.V2ListTasks;
                return V2Endpoints.ListTasksAsync;
            case "openai/v1/chat/completions":
                exchange.Kind = IsStream(body) ? EmulatorRequestKind.OpenAIChatStream : EmulatorRequestKind.OpenAIChat;
                return OpenAI(exchange, _openAI.ChatAsync);
            case "openai/v1/completions":
                exchange.Kind = IsStream(body) ? EmulatorRequestKind.OpenAICompletionsStream : EmulatorRequestKind.OpenAICompletions;
                return OpenAI(exchange, _openAI.CompletionsAsync);
            case "openai/v1/responses":
                exchange.Kind = IsStream(body) ? EmulatorRequestKind.OpenAIResponsesStream : EmulatorRequestKind.OpenAIResponses;
                return OpenAI(exchange, _openAI.ResponsesAsync);
        }

        if (rest.StartsWith("request/", StringComparison.Ordinal))
        {
            exchange.Kind = EmulatorRequestKind.V2Request;
            exchange.ModelId = rest["request/".Length..];
            return _v2.RequestModelAsync;
        }

        if (rest.StartsWith("openai/v1/", StringComparison.Ordinal))
        {
            exchange.IsOpenAI = true;
            return NotFound;
        }

        if (rest.Length == 0 || rest.StartsWith("list/", StringComparison.Ordinal))
        {
            return NotFound;
        }

        exchange.Kind = IsStream(body) ? EmulatorRequestKind.V2RunStream : EmulatorRequestKind.V2Run;
        exchange.ModelId = rest;
        return _v2.RunAsync;
    }

    private static Task NotFound(Exchange exchange) => exchange.WriteErrorAsync(404, "Not found");

    /// <summary>An OpenAI-compatible path: the model is the body's <c>model</c>, and errors (401 included) use OpenAI's shape.</summary>
    private static Func<Exchange, Task> OpenAI(Exchange exchange, Func<Exchange, Task> handler)
    {
        exchange.IsOpenAI = true;
        exchange.ModelId = HttpJson.String(exchange.Body?["model"]);
        return handler;
    }

    private static bool IsStream(JsonObject? body) => body?["stream"] is JsonValue v && v.TryGetValue(out bool stream) && stream;

    private static async Task ReadBodyAsync(Exchange exchange)
    {
        using var reader = new StreamReader(exchange.Http.Request.Body, Encoding.UTF8);
        exchange.RawBody = await reader.ReadToEndAsync(exchange.Aborted);
        if (string.IsNullOrWhiteSpace(exchange.RawBody))
        {
            return;
        }

        try
        {
            exchange.Json = JsonNode.Parse(exchange.RawBody);
        }
        catch (JsonException ex)
        {
            exchange.JsonError = ex.Message;
        }
    }

    /// <summary>Answers as "another host" after a <see cref="EmulatorFault.RedirectToOtherHost"/> redirect: a success anyone would accept.</summary>
    private static Task ServeOtherHostAsync(Exchange exchange)
    {
        var response = exchange.Http.Response;
        if (IsStream(exchange.Body))
        {
            var text = Encoding.UTF8.GetBytes(Faults.FaultShaper.OtherHostAnswer);
            response.StatusCode = 200;
            response.ContentType = OpenAIShapes.SseContentType;
            response.ContentLength = text.Length;
            return response.Body.WriteAsync(text, exchange.Aborted).AsTask();
        }

        return exchange.WriteAsync(200, new JsonObject
        {
            ["error"] = null,
            ["output"] = Faults.FaultShaper.OtherHostAnswer,
            ["status"] = "RUNNING",
        });
    }

    private async Task ServeMediaAsync(Exchange exchange, string name)
    {
        var response = exchange.Http.Response;
        if (!_media.TryGet(name, out var bytes, out var contentType))
        {
            response.StatusCode = 404;
            return;
        }

        response.StatusCode = 200;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, exchange.Aborted);
    }
}
