using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Mistral's tool calling (Mistral-7B-Instruct-v0.3, Mistral-Nemo-Instruct-2407), following the model's chat template:
/// <c>[AVAILABLE_TOOLS] [...][/AVAILABLE_TOOLS]</c> with the last user message, calls as
/// <c>[TOOL_CALLS] [{"name": ..., "arguments": {...}, "id": ...}]</c> (or a bare list), results as
/// <c>[TOOL_RESULTS] {"content": ..., "call_id": ...}[/TOOL_RESULTS]</c>. Call ids are 9 alphanumerics, as Mistral
/// requires. Roles alternate (the template requires it): consecutive messages of one role are merged.
/// </summary>
/// <remarks>
/// A message list cannot place everything where the template does: the tools block lands inside <c>[INST] ...[/INST]</c>
/// (the template writes it just before), v3's assistant messages start with a space (so <c>[TOOL_CALLS]</c> does too),
/// and results go in a user message (<c>[INST] [TOOL_RESULTS]...[/INST]</c>). The system prompt is written into the
/// user message itself, where the template puts it, so that a result message never takes it away.
/// </remarks>
public sealed class MistralToolCallFormat : ToolCallFormat
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>Initializes a new instance of the <see cref="MistralToolCallFormat"/> class for Mistral-7B-Instruct-v0.3 (<see cref="MistralTemplate.V3"/>).</summary>
    public MistralToolCallFormat()
        : this(MistralTemplate.V3)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MistralToolCallFormat"/> class.</summary>
    /// <param name="template">The chat template the messages follow.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="template"/> is not a defined value.</exception>
    public MistralToolCallFormat(MistralTemplate template)
    {
        if (!Enum.IsDefined(template))
        {
            throw new ArgumentOutOfRangeException(nameof(template), template, "Use one of the MistralTemplate values.");
        }

        Template = template;
    }

    /// <inheritdoc/>
    public override string Name => "mistral";

    /// <summary>Gets the chat template the rendered messages follow.</summary>
    public MistralTemplate Template { get; }

    /// <inheritdoc/>
    public override ToolPrompt Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(tools);
        ToolJson.ValidateMode(tools, mode);

        bool v3 = Template == MistralTemplate.V3;
        var entries = ChatHistoryReader.Read(messages);
        int first = entries.Count > 0 && entries[0] is { Kind: HistoryEntryKind.Text, Role: "system" } ? 1 : 0;
        string? system = first == 1 ? entries[0].Text : null;
        int lastUser = entries.FindLastIndex(static e => e.Kind == HistoryEntryKind.Text && e.Role == "user");
        bool renderTools = ShouldRenderTools(tools, mode);

        // V3 keeps the system prompt in the last user message; Tekken only when that message ends the conversation.
        bool systemPlaced = system is null || (!v3 && lastUser != entries.Count - 1);
        var output = new PromptMessageBuilder(mergeSameRole: true);
        for (int i = first; i < entries.Count; i++)
        {
            var entry = entries[i];
            switch (entry.Kind)
            {
                case HistoryEntryKind.Text when i == lastUser:
                    output.Add("user", (renderTools ? AvailableTools(tools, mode, v3) : string.Empty) + (systemPlaced ? entry.Text : system + "\n\n" + entry.Text));
                    systemPlaced = true;
                    break;
                case HistoryEntryKind.Text:
                    // The template renders user and assistant turns only: a later system message joins the user side.
                    output.Add(entry.Role == "assistant" ? "assistant" : "user", entry.Text);
                    break;
                case HistoryEntryKind.Calls:
                    // The template writes the calls of such a message, not its text.
                    output.Add("assistant", (v3 ? "[TOOL_CALLS] [" : "[TOOL_CALLS][") + string.Join(", ", entry.Calls.Select(static c => ToolJson.Call(c, "arguments", includeId: true))) + "]");
                    break;
                case HistoryEntryKind.Results:
                    var sb = new StringBuilder();
                    foreach (var result in entry.Results)
                    {
                        // The template writes the content as it is ("content|string"), not as a JSON string.
                        sb.Append(v3 ? "[TOOL_RESULTS] {\"content\": " : "[TOOL_RESULTS]{\"content\": ").Append(result.Text).Append(", \"call_id\": ");
                        PythonJson.WriteString(sb, result.Result.CallId);
                        sb.Append("}[/TOOL_RESULTS]");
                    }

                    output.Add("user", sb.ToString());
                    break;
            }
        }

        if (lastUser < 0 && (renderTools || !systemPlaced))
        {
            output.Add("user", (renderTools ? AvailableTools(tools, mode, v3) : string.Empty) + (systemPlaced ? string.Empty : system));
        }

        return ToolPrompt.FromMessages(output.Build());
    }

    /// <inheritdoc/>
    public override IToolCallStreamParser CreateStreamParser(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions? options = null) =>
        CreateStreamParser(tools, options, static context => new MistralCallReader(context));

    /// <summary>Creates a Mistral call id: 9 random alphanumerics.</summary>
    /// <returns>The id.</returns>
    protected override string CreateCallId() => RandomNumberGenerator.GetString(IdAlphabet, 9);

    /// <summary>
    /// The template's tools block: each tool's function fields written one by one, strings as they are (not escaped),
    /// other values as JSON.
    /// </summary>
    private static string AvailableTools(IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode, bool v3)
    {
        var sb = new StringBuilder(v3 ? "[AVAILABLE_TOOLS] [" : "[AVAILABLE_TOOLS][");
        for (int i = 0; i < tools.Count; i++)
        {
            sb.Append(i > 0 ? ", " : string.Empty).Append("{\"type\": \"function\", \"function\": {");
            bool firstField = true;
            foreach (var (key, value) in ToolJson.Function(tools[i]))
            {
                sb.Append(firstField ? string.Empty : ", ").Append('"').Append(key).Append("\": ");
                if (value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue(out string? text))
                {
                    sb.Append('"').Append(text).Append('"');
                }
                else
                {
                    sb.Append(PythonJson.Write(value));
                }

                firstField = false;
            }

            sb.Append("}}");
        }

        sb.Append("][/AVAILABLE_TOOLS]");
        return ToolJson.RequiredInstruction(mode) is { } instruction ? sb.Append(instruction).Append('\n').ToString() : sb.ToString();
    }
}
