using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>A call already made in the conversation, as read back from the prompt.</summary>
/// <param name="Name">The function name.</param>
/// <param name="TextArguments">The string-valued arguments (parameter name, value), in order.</param>
/// <param name="ArgumentText">All arguments as written, for spotting results that were passed on to a later call.</param>
internal sealed record RecordedCall(string Name, IReadOnlyList<KeyValuePair<string, string>> TextArguments, string ArgumentText)
{
    /// <summary>A call read from JSON (<c>{"name": ..., "arguments"/"parameters": {...}}</c>), or null when the object is not a call.</summary>
    public static RecordedCall? FromJson(JsonObject obj)
    {
        if (obj["name"] is not JsonValue nameValue || nameValue.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        JsonNode? arguments = obj["arguments"] ?? obj["parameters"];
        if (arguments is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            // Some models send the arguments as a JSON string.
            arguments = CallText.ResultValue(text.GetValue<string>());
        }

        var texts = new List<KeyValuePair<string, string>>();
        if (arguments is JsonObject args)
        {
            foreach ((string key, JsonNode? value) in args)
            {
                if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    texts.Add(new(key, v.GetValue<string>()));
                }
            }
        }

        return new RecordedCall(nameValue.GetValue<string>(), texts, CallText.Json(arguments));
    }

    /// <summary>A call read from a pythonic result line's <c>name(k='v', n=1)</c>.</summary>
    public static RecordedCall FromPython(string name, string argumentText)
    {
        var texts = new List<KeyValuePair<string, string>>();
        int i = 0;
        while (i < argumentText.Length)
        {
            int eq = argumentText.IndexOf("='", i, StringComparison.Ordinal);
            if (eq < 0)
            {
                break;
            }

            int keyStart = argumentText.LastIndexOfAny([',', ' ', '('], eq) + 1;
            int end = argumentText.IndexOf('\'', eq + 2);
            if (end < 0)
            {
                break;
            }

            texts.Add(new(argumentText[keyStart..eq].Trim(), argumentText[(eq + 2)..end]));
            i = end + 1;
        }

        return new RecordedCall(name, texts, argumentText);
    }
}
