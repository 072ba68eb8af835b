using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Input;

/// <summary>
/// Reads inputs and parameters the way a tolerant model container does. Object inputs are looked up in
/// <see cref="EmulatorRunRequest.Input"/> (when a server passes the object there) and then in the body top level, where
/// v1 merges them. Anything unfit becomes an <see cref="EmulatorInputException"/> naming the member.
/// </summary>
internal static class RequestReader
{
    /// <summary>The most new tokens the emulator generates, whatever the parameters ask.</summary>
    public const int MaxNewTokensCap = 512;

    public static JsonNode? Member(EmulatorRunRequest request, string name)
    {
        if (request.Input is JsonObject inputObject && inputObject.TryGetPropertyValue(name, out JsonNode? fromInput) && fromInput is not null)
        {
            return fromInput;
        }

        return request.Body.TryGetPropertyValue(name, out JsonNode? fromBody) ? fromBody : null;
    }

    public static string? OptionalString(EmulatorRunRequest request, string name)
    {
        JsonNode? node = Member(request, name);
        if (node is null)
        {
            return null;
        }

        return AsString(node) ?? throw new EmulatorInputException($"Input member '{name}' must be a string.");
    }

    public static string RequiredString(EmulatorRunRequest request, string task, string name)
    {
        string? value = OptionalString(request, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Missing(task, name);
        }

        return value;
    }

    /// <summary>The text input: <c>input</c> as a string, else a <c>text</c> or legacy <c>prompt</c> member.</summary>
    public static string Text(EmulatorRunRequest request, string task) =>
        OptionalText(request, task) ?? throw new EmulatorInputException($"Missing required input 'input' for {task}: send the text as a string.");

    public static string? OptionalText(EmulatorRunRequest request, string task)
    {
        switch (request.Input)
        {
            case null:
                return OptionalString(request, "text") ?? OptionalString(request, "prompt");
            case JsonArray:
                throw new EmulatorInputException($"{task} expects 'input' to be a string, not an array.");
            case JsonObject:
                return OptionalString(request, "text") ?? OptionalString(request, "prompt")
                    ?? throw new EmulatorInputException($"{task} expects 'input' to be a string, not an object.");
            default:
                return AsString(request.Input) ?? throw new EmulatorInputException($"{task} expects 'input' to be a string.");
        }
    }

    /// <summary>A string list such as <c>candidate_labels</c>: a JSON array of strings or one comma-separated string.</summary>
    public static List<string> RequiredLabels(EmulatorRunRequest request, string task, string name)
    {
        JsonNode? node = Member(request, name);
        if (node is null && request.Parameters.TryGetPropertyValue(name, out JsonNode? fromParams))
        {
            node = fromParams;
        }

        List<string> labels = [];
        if (node is JsonArray array)
        {
            foreach (JsonNode? item in array)
            {
                string label = (item is null ? null : AsString(item))
                    ?? throw new EmulatorInputException($"Every entry of '{name}' must be a string.");
                if (!string.IsNullOrWhiteSpace(label))
                {
                    labels.Add(label.Trim());
                }
            }
        }
        else if (node is not null && AsString(node) is { } joined)
        {
            labels.AddRange(joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        else if (node is not null)
        {
            throw new EmulatorInputException($"Input member '{name}' must be an array of strings.");
        }

        if (labels.Count == 0)
        {
            throw Missing(task, name);
        }

        return labels;
    }

    public static int? IntParam(JsonObject parameters, string name)
    {
        double? value = DoubleParam(parameters, name);
        return value is null ? null : (int)Math.Clamp(Math.Round(value.Value), int.MinValue, int.MaxValue);
    }

    public static double? DoubleParam(JsonObject parameters, string name)
    {
        if (!parameters.TryGetPropertyValue(name, out JsonNode? node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number)
            {
                // A parsed body holds JsonElement values, a hand-built one CLR primitives; the JSON text reads both.
                return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            if (value.TryGetValue(out string? text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
            {
                return parsed;
            }
        }

        throw new EmulatorInputException($"Parameter '{name}' must be a number.");
    }

    public static bool? BoolParam(JsonObject parameters, string name)
    {
        if (!parameters.TryGetPropertyValue(name, out JsonNode? node) || node is null)
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new EmulatorInputException($"Parameter '{name}' must be true or false."),
        };
    }

    public static string? StringParam(JsonObject parameters, string name) =>
        parameters.TryGetPropertyValue(name, out JsonNode? node) && node is not null ? AsString(node) : null;

    /// <summary>Stop sequences from <c>stop</c> or <c>stop_sequences</c> (a string or an array of strings).</summary>
    public static List<string> StopSequences(JsonObject parameters)
    {
        List<string> stops = [];
        foreach (string name in (string[])["stop", "stop_sequences", "stop_strings"])
        {
            if (!parameters.TryGetPropertyValue(name, out JsonNode? node) || node is null)
            {
                continue;
            }

            if (node is JsonArray array)
            {
                stops.AddRange(array.Select(item => item is null ? null : AsString(item)).OfType<string>().Where(s => s.Length > 0));
            }
            else if (AsString(node) is { Length: > 0 } single)
            {
                stops.Add(single);
            }
        }

        return stops;
    }

    /// <summary>Cuts <paramref name="text"/> before the earliest stop sequence, as generation halts there.</summary>
    public static string ApplyStops(string text, IReadOnlyList<string> stops)
    {
        int cut = text.Length;
        foreach (string stop in stops)
        {
            int at = text.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && at < cut)
            {
                cut = at;
            }
        }

        return text[..cut];
    }

    public static EmulatorInputException Missing(string task, string member) =>
        new($"Missing required input '{member}' for {task}.");

    public static string? AsString(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
