using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// A chat asked for JSON answers JSON, as an instruction-following model does. A JSON schema in the conversation (the
/// Bytez client's system text for a JSON-schema response format, <c>... JSON schema: {...}</c>, or Microsoft.Extensions.AI's
/// prompt-only <c>Respond with a JSON value conforming to the following schema: ...</c>) gets an object that fits it,
/// filled from the question (<see cref="SchemaFiller"/>); a plain request for JSON (<c>valid JSON</c>) gets
/// <c>{"answer": reply}</c>. The markers are the clients' exact phrases, so a tool prompt that merely mentions
/// "a JSON for a function call" or a "json schema" of its call format is not mistaken for one.
/// </summary>
internal static class JsonReply
{
    private static readonly string[] SchemaMarkers = ["JSON schema", "following schema"];
    private static readonly string[] JsonMarkers = ["valid JSON", "JSON value"];

    /// <summary>The JSON answer, or null when the conversation does not ask for JSON.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="prose">What the model would have said in prose.</param>
    /// <param name="answeredQuestion">
    /// For an answer after tool results: the question, and the schema is filled from it and <paramref name="prose"/>
    /// (which quotes the results); null fills it from the conversation's last question alone.
    /// </param>
    public static string? Answer(IReadOnlyList<ChatTurn> messages, string prose, string? answeredQuestion = null)
    {
        if (Schema(messages) is { } schema)
        {
            return SchemaFiller.Fill(schema, answeredQuestion is null ? Question(messages) : answeredQuestion + "\n" + prose);
        }

        bool asksForJson = messages.Any(m => m.Role is "system" or "user" && JsonMarkers.Any(k => m.Content.Contains(k, StringComparison.Ordinal)));
        return asksForJson ? new JsonObject { ["answer"] = prose }.ToJsonString() : null;
    }

    /// <summary>The schema of the latest message that gives one after a schema marker.</summary>
    private static JsonObject? Schema(IReadOnlyList<ChatTurn> messages)
    {
        for (int i = messages.Count - 1; i >= 0; i--)
        {
            string content = messages[i].Content;
            foreach (string marker in SchemaMarkers)
            {
                int at = content.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0 && JsonSpans.Objects(content[at..]) is [var (schema, _, _), ..])
                {
                    return schema;
                }
            }
        }

        return null;
    }

    /// <summary>The last user message that is not a schema instruction (or the text before the instruction).</summary>
    private static string Question(IReadOnlyList<ChatTurn> messages)
    {
        for (int i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role != "user")
            {
                continue;
            }

            string content = messages[i].Content;
            int at = SchemaMarkers.Select(k => content.IndexOf(k, StringComparison.Ordinal)).Where(static x => x >= 0).DefaultIfEmpty(-1).Min();
            string before = at < 0 ? content : content[..at];
            if (before.Trim().Length > 0 && !before.TrimEnd().EndsWith("Respond with a", StringComparison.Ordinal))
            {
                return before;
            }
        }

        return string.Empty;
    }
}
