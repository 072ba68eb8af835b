using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>What the model answers on an OpenAI-compatible endpoint: text, or native tool calls.</summary>
/// <param name="Text">The text (empty when the model only calls tools).</param>
/// <param name="Calls">The tool calls (name and arguments), or null.</param>
internal sealed record OpenAIReply(string Text, IReadOnlyList<(string Name, JsonObject Arguments)>? Calls = null)
{
    /// <summary>Gets the words the reply counts as output tokens: the text's, or the calls' names and arguments.</summary>
    public int CompletionTokens => Calls is { Count: > 0 } calls
        ? calls.Sum(static c => OpenAIShapes.CountWords(c.Name + " " + c.Arguments.ToJsonString().Replace(',', ' ')))
        : OpenAIShapes.CountWords(Text);
}
