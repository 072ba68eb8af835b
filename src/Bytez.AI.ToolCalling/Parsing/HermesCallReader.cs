using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Reads <c>&lt;tool_call&gt;{"name": ..., "arguments": {...}}&lt;/tool_call&gt;</c> blocks. Models only taught the format by
/// the prompt sometimes drop the tags; a bare JSON object at the very start of the output that names a declared tool is
/// therefore a call too.
/// </summary>
internal sealed class HermesCallReader : CallRegionReader
{
    internal const string OpenTag = "<tool_call>";
    internal const string CloseTag = "</tool_call>";

    private bool _expectClose;
    private bool _explicit;

    public HermesCallReader(ToolCallParseContext context)
        : base(context)
    {
    }

    public override IReadOnlyList<string> Markers { get; } = [OpenTag];

    public override string BareStartCharacters => "{";

    public override void Begin(bool explicitMarker)
    {
        _expectClose = false;
        _explicit = explicitMarker;
    }

    public override RegionStep Read(string buffer, bool final)
    {
        int start = ToolCallJson.SkipWhiteSpace(buffer, 0);
        return _expectClose ? ReadClose(buffer, start, final) : ReadBody(buffer, start, final);
    }

    private RegionStep ReadBody(string buffer, int start, bool final)
    {
        if (start >= buffer.Length)
        {
            return final ? RegionStep.Truncate(buffer.Length, OpenTag + buffer) : RegionStep.NeedMore;
        }

        if (buffer[start] is not ('{' or '['))
        {
            // Not JSON: an error up to the closing tag (or the end), never prose the model meant as a call.
            int close = buffer.IndexOf(CloseTag, start, StringComparison.Ordinal);
            if (close >= 0)
            {
                return RegionStep.End(close + CloseTag.Length, ToolCallErrors.Invalid("The call is not JSON.", buffer[start..close].Trim()));
            }

            return final
                ? RegionStep.End(buffer.Length, ToolCallErrors.Invalid("The call is not JSON.", buffer[start..].Trim()))
                : RegionStep.NeedMore;
        }

        int end = ToolCallJson.FindValueEnd(buffer, start);
        if (end < 0)
        {
            if (!final)
            {
                return RegionStep.NeedMore;
            }

            return _explicit || CallObjectReader.NamesDeclaredTool(buffer, Context)
                ? RegionStep.Truncate(buffer.Length, (_explicit ? OpenTag : string.Empty) + buffer)
                : RegionStep.NotACall(buffer.Length);
        }

        string raw = buffer[start..end];
        if (!_explicit)
        {
            if (CallObjectReader.Read(raw, Context, explicitMarker: false, out var bare) == CallObjectOutcome.NotACall)
            {
                return RegionStep.NotACall(end);
            }

            _expectClose = true;
            return RegionStep.Progress(end, bare!);
        }

        var contents = new List<AIContent>();
        if (buffer[start] == '[' && LenientJson.TryParse(raw, Context.Options.LenientJson, out var node, out _) && node is JsonArray array)
        {
            // Some Hermes-style models put a list of calls in one block.
            foreach (var item in array)
            {
                CallObjectReader.Read(item, item?.ToJsonString() ?? "null", Context, explicitMarker: true, out var content);
                contents.Add(content!);
            }
        }
        else
        {
            CallObjectReader.Read(raw, Context, explicitMarker: true, out var content);
            contents.Add(content!);
        }

        _expectClose = true;
        return RegionStep.Progress(end, contents);
    }

    private static RegionStep ReadClose(string buffer, int start, bool final)
    {
        int remaining = buffer.Length - start;
        if (remaining == 0)
        {
            return final ? RegionStep.End(buffer.Length) : RegionStep.NeedMore;
        }

        if (remaining >= CloseTag.Length)
        {
            return string.CompareOrdinal(buffer, start, CloseTag, 0, CloseTag.Length) == 0
                ? RegionStep.End(start + CloseTag.Length)
                : RegionStep.End(start);
        }

        if (string.CompareOrdinal(buffer, start, CloseTag, 0, remaining) == 0)
        {
            // A closing tag cut off at the very end is still markup, not prose.
            return final ? RegionStep.End(buffer.Length) : RegionStep.NeedMore;
        }

        return RegionStep.End(start);
    }
}
