using System.Globalization;
using System.Text.Json;

namespace Bytez.AI.Serialization;

/// <summary>
/// Tolerant readers for response members: a member of an unexpected JSON kind reads as null instead of failing the
/// whole response, because only the members a caller actually uses should decide whether a body is usable.
/// </summary>
internal static class JsonRead
{
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static string? String(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static double? Double(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) ? AsDouble(value) : null;

    public static long? Int64(JsonElement obj, string name)
    {
        var number = Double(obj, name);
        return number is { } n && double.IsFinite(n) && n >= long.MinValue && n <= long.MaxValue ? (long)n : null;
    }

    public static int? Int32(JsonElement obj, string name)
    {
        var number = Double(obj, name);
        return number is { } n && double.IsFinite(n) && n >= int.MinValue && n <= int.MaxValue ? (int)n : null;
    }

    public static bool? Boolean(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }

    public static DateTimeOffset? Date(JsonElement obj, string name)
    {
        var text = String(obj, name);
        return text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
    }

    public static double? AsDouble(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>Describes an element for error messages: its kind and, for objects, its member names.</summary>
    public static string Describe(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var names = value.EnumerateObject().Select(p => p.Name).Take(8).ToList();
                return names.Count == 0 ? "an empty object" : $"an object with members {string.Join(", ", names)}";
            case JsonValueKind.Array:
                var length = value.GetArrayLength();
                return length == 0 ? "an empty array" : $"an array of {length} item(s), the first being {DescribeKind(value[0])}";
            default:
                return DescribeKind(value);
        }
    }

    private static string DescribeKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
