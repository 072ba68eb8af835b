using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Mistral's v3 tokenizer format (Mistral-7B-Instruct-v0.3): <c>[AVAILABLE_TOOLS] [...][/AVAILABLE_TOOLS]</c> before the
/// last user message, calls as <c>[TOOL_CALLS] [{"name": ..., "arguments": {...}}]</c> (or a bare array), results as
/// <c>[TOOL_RESULTS] {"content": ..., "call_id": ...}[/TOOL_RESULTS]</c>. Call ids are 9 alphanumerics, as Mistral requires.
/// Consecutive messages of one role are merged, because Mistral's template requires alternating roles.
/// </summary>
public sealed class MistralToolCallFormat : ToolCallFormat
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <inheritdoc/>
    public override string Name => "mistral";

    /// <inheritdoc/>
    public override ToolPrompt Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(tools);
        ToolJson.ValidateMode(tools, mode);

        var entries = ChatHistoryReader.Read(messages);
        int lastUser = entries.FindLastIndex(static e => e.Kind == HistoryEntryKind.Text && e.Role == "user");
        bool renderTools = ShouldRenderTools(tools, mode);
        var output = new List<ToolPromptMessage>();
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            switch (entry.Kind)
            {
                case HistoryEntryKind.Text when i == lastUser && renderTools:
                    ChatHistoryReader.AddMerged(output, "user", AvailableTools(tools, mode) + entry.Text);
                    break;
                case HistoryEntryKind.Text:
                    ChatHistoryReader.AddMerged(output, entry.Role, entry.Text);
                    break;
                case HistoryEntryKind.Calls:
                    string calls = "[TOOL_CALLS] [" + string.Join(", ", entry.Calls.Select(static c => ToolJson.Call(c, "arguments", includeId: true))) + "]";
                    ChatHistoryReader.AddMerged(output, "assistant", entry.Text.Length > 0 ? entry.Text + "\n" + calls : calls);
                    break;
                case HistoryEntryKind.Results:
                    var sb = new StringBuilder();
                    foreach (var result in entry.Results)
                    {
                        var body = new JsonObject
                        {
                            ["content"] = ToolResultText.ToNode(result.Result),
                            ["call_id"] = result.Result.CallId,
                        };
                        sb.Append("[TOOL_RESULTS] ").Append(JsonText.Write(body)).Append("[/TOOL_RESULTS]");
                    }

                    ChatHistoryReader.AddMerged(output, "user", sb.ToString());
                    break;
            }
        }

        if (renderTools && lastUser < 0)
        {
            ChatHistoryReader.AddMerged(output, "user", AvailableTools(tools, mode).TrimEnd());
        }

        return ToolPrompt.FromMessages(output);
    }

    /// <inheritdoc/>
    public override IToolCallStreamParser CreateStreamParser(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions? options = null) =>
        CreateStreamParser(tools, options, static context => new MistralCallReader(context));

    /// <summary>Creates a Mistral call id: 9 random alphanumerics.</summary>
    /// <returns>The id.</returns>
    protected override string CreateCallId() => RandomNumberGenerator.GetString(IdAlphabet, 9);

    private static string AvailableTools(IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        var array = new JsonArray();
        foreach (var tool in tools)
        {
            array.Add((JsonNode)ToolJson.Declaration(tool));
        }

        string text = "[AVAILABLE_TOOLS] " + JsonText.Write(array) + "[/AVAILABLE_TOOLS]";
        return ToolJson.RequiredInstruction(mode) is { } instruction ? text + instruction + "\n" : text;
    }
}
