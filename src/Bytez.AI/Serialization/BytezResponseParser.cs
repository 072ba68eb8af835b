using System.Text.Json;
using Bytez.AI.Http;

namespace Bytez.AI.Serialization;

/// <summary>
/// Maps response bodies to the public records. Tolerant by design: it accepts the v1 bare shapes, the older v1 item
/// names, and the v2 <c>{"error": null, "output": ...}</c> envelope, and fails only when nothing usable is there.
/// </summary>
internal static class BytezResponseParser
{
    public static IReadOnlyList<BytezModelInfo> ModelList(BytezCall call, JsonElement root)
    {
        var items = UnwrapArray(call, root, "an array of models (or {\"output\": [...]})");
        var models = new List<BytezModelInfo>(items.GetArrayLength());
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            models.Add(ModelInfo(call, item, index++));
        }

        return models;
    }

    public static IReadOnlyList<BytezModelStatus> Instances(BytezCall call, JsonElement root)
    {
        var items = UnwrapArray(call, root, "an array of instances (or {\"output\": [...]})");
        var instances = new List<BytezModelStatus>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            instances.Add(item.ValueKind == JsonValueKind.String
                ? new BytezModelStatus { Model = item.GetString(), RawRepresentation = item }
                : Status(item));
        }

        return instances;
    }

    /// <summary>Reads a status object; a v2-style envelope around it is unwrapped.</summary>
    public static BytezModelStatus Status(JsonElement root)
    {
        var body = root;
        if (!JsonRead.TryGet(root, "status", out _) && JsonRead.TryGet(root, "output", out var output) && output.ValueKind == JsonValueKind.Object)
        {
            body = output;
        }

        return new BytezModelStatus
        {
            Model = JsonRead.String(body, "model") ?? JsonRead.String(body, "modelId"),
            Status = JsonRead.String(body, "status"),
            Concurrency = JsonRead.Int32(body, "concurrency"),
            Inferences = JsonRead.Int64(body, "inferences"),
            ExpirationPeriodSeconds = JsonRead.Int32(body, "expirationPeriodSeconds")
                ?? (JsonRead.Int32(body, "expirationPeriodMinutes") is { } minutes ? minutes * 60 : null),
            ExpiresAt = JsonRead.Date(body, "expiresAt"),
            Created = JsonRead.Date(body, "created"),
            Modified = JsonRead.Date(body, "modified"),
            Error = NonEmpty(JsonRead.String(body, "error")),
            RawRepresentation = root,
        };
    }

    public static BytezJobStatus Job(BytezCall call, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw BytezErrorMapper.UnexpectedShape(call, "a job status object", JsonRead.Describe(root));
        }

        // v2 answers {"error": null, "output": "Job queued"}.
        var envelopeMessage = JsonRead.String(root, "output");
        return new BytezJobStatus
        {
            Model = JsonRead.String(root, "model") ?? call.ModelId,
            Success = JsonRead.Boolean(root, "success") ?? envelopeMessage is not null,
            Message = JsonRead.String(root, "message") ?? envelopeMessage,
            StartTime = JsonRead.Date(root, "startTime"),
            EndTime = JsonRead.Date(root, "endTime"),
            Modified = JsonRead.Date(root, "modified"),
            RawRepresentation = root,
        };
    }

    /// <summary>Reads the v2 task list: <c>{"error": null, "output": ["chat", ...]}</c> (a bare array is accepted too).</summary>
    public static IReadOnlyList<string> Tasks(BytezCall call, JsonElement root)
    {
        var items = UnwrapArray(call, root, "an array of task names (or {\"output\": [...]})");
        var tasks = new List<string>(items.GetArrayLength());
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            tasks.Add(item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())
                ? item.GetString()!
                : throw BytezErrorMapper.UnexpectedShape(call, $"task {index} to be a name", JsonRead.Describe(item)));
            index++;
        }

        return tasks;
    }

    private static BytezModelInfo ModelInfo(BytezCall call, JsonElement item, int index)
    {
        if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
        {
            return new BytezModelInfo(item.GetString()!, null, null) { RawRepresentation = item };
        }

        var id = NonEmpty(JsonRead.String(item, "modelId")) ?? NonEmpty(JsonRead.String(item, "name")) ?? NonEmpty(JsonRead.String(item, "model"));
        if (id is null)
        {
            throw BytezErrorMapper.UnexpectedShape(
                call, $"model item {index} to have a 'modelId' (or 'name') string", JsonRead.Describe(item));
        }

        return new BytezModelInfo(id, JsonRead.String(item, "task"), JsonRead.Double(item, "ramRequired") ?? JsonRead.Double(item, "requiredRAM"))
        {
            ParametersInBillions = JsonRead.Double(item, "params"),
            Meter = NonEmpty(JsonRead.String(item, "meter")),
            MeterPrice = NonEmpty(JsonRead.String(item, "meterPrice")),
            RawRepresentation = item,
        };
    }

    private static JsonElement UnwrapArray(BytezCall call, JsonElement root, string expected)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (JsonRead.TryGet(root, "output", out var output) && output.ValueKind == JsonValueKind.Array)
        {
            return output;
        }

        throw BytezErrorMapper.UnexpectedShape(call, expected, JsonRead.Describe(root));
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
