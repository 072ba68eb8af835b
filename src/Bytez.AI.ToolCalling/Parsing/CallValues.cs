using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>Reads a complete JSON value as calls: one call object, or an array of them (several calls in one block).</summary>
internal static class CallValues
{
    /// <summary>
    /// Adds the calls and errors <paramref name="raw"/> holds to <paramref name="contents"/>; returns
    /// <see cref="CallObjectOutcome.NotACall"/> when it holds none (see <see cref="CallObjectReader"/> for the judgement).
    /// </summary>
    public static CallObjectOutcome Read(string raw, ToolCallParseContext context, bool explicitMarker, List<AIContent> contents)
    {
        if (raw.Length == 0 || raw[0] != '[')
        {
            var outcome = CallObjectReader.Read(raw, context, explicitMarker, out var content);
            if (content is not null)
            {
                contents.Add(content);
            }

            return outcome;
        }

        if (!LenientJson.TryParseDocument(raw, context.Options.LenientJson, out var document, out var error))
        {
            if (!explicitMarker && !CallObjectReader.NamesDeclaredTool(raw, context))
            {
                return CallObjectOutcome.NotACall;
            }

            contents.Add(ToolCallErrors.Invalid($"The calls are not valid JSON: {error}", raw));
            return CallObjectOutcome.Invalid;
        }

        using (document)
        {
            int before = contents.Count;
            foreach (JsonElement item in document.RootElement.EnumerateArray())
            {
                if (CallObjectReader.Read(item, item.GetRawText(), context, explicitMarker, out var content) != CallObjectOutcome.NotACall)
                {
                    contents.Add(content!);
                }
            }

            return contents.Count > before ? CallObjectOutcome.Call : CallObjectOutcome.NotACall;
        }
    }
}
