using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Llama 3.1/3.2/3.3 JSON tool calling (Meta's "tools in the first user message" prompt): the tools as JSON before the
/// first user message with the instruction to answer <c>{"name": ..., "parameters": {...}}</c>; calls are that JSON,
/// maybe after <c>&lt;|python_tag|&gt;</c>, several separated by <c>;</c>; results are messages with role <c>ipython</c>
/// (or user text, see <see cref="Llama3JsonToolCallFormat(string)"/>).
/// </summary>
public sealed class Llama3JsonToolCallFormat : ToolCallFormat
{
    /// <summary>The role Llama 3's chat template uses for tool results.</summary>
    public const string IpythonRole = "ipython";

    /// <summary>Initializes a new instance of the <see cref="Llama3JsonToolCallFormat"/> class.</summary>
    /// <param name="resultRole">
    /// The role of result messages: <see cref="IpythonRole"/> (default; Llama 3's template renders it as a tool result)
    /// or <c>user</c> for servers that reject other roles (results are then written as <c>Result of f: ...</c>).
    /// </param>
    public Llama3JsonToolCallFormat(string resultRole = IpythonRole)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resultRole);
        ResultRole = resultRole;
    }

    /// <inheritdoc/>
    public override string Name => "llama3";

    /// <summary>Gets the role of result messages.</summary>
    public string ResultRole { get; }

    /// <inheritdoc/>
    public override ToolPrompt Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(tools);
        ToolJson.ValidateMode(tools, mode);

        var output = new List<ToolPromptMessage>();
        bool toolsPlaced = !ShouldRenderTools(tools, mode);
        foreach (var entry in ChatHistoryReader.Read(messages))
        {
            switch (entry.Kind)
            {
                case HistoryEntryKind.Text when entry.Role == "user" && !toolsPlaced:
                    output.Add(new("user", ToolsPreamble(tools, mode) + entry.Text));
                    toolsPlaced = true;
                    break;
                case HistoryEntryKind.Text:
                    output.Add(new(entry.Role, entry.Text));
                    break;
                case HistoryEntryKind.Calls:
                    string calls = string.Join("; ", entry.Calls.Select(static c => ToolJson.Call(c, "parameters")));
                    output.Add(new("assistant", entry.Text.Length > 0 ? entry.Text + "\n" + calls : calls));
                    break;
                case HistoryEntryKind.Results:
                    foreach (var result in entry.Results)
                    {
                        output.Add(ResultRole == IpythonRole
                            ? new(IpythonRole, result.Text)
                            : new(ResultRole, $"Result of {result.Name ?? "the function"}: {result.Text}"));
                    }

                    break;
            }
        }

        if (!toolsPlaced)
        {
            output.Add(new("user", ToolsPreamble(tools, mode).TrimEnd()));
        }

        return ToolPrompt.FromMessages(output);
    }

    /// <inheritdoc/>
    public override IToolCallStreamParser CreateStreamParser(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions? options = null) =>
        CreateStreamParser(tools, options, static context => new Llama3CallReader(context));

    private static string ToolsPreamble(IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        var sb = new StringBuilder();
        sb.Append("Given the following functions, please respond with a JSON for a function call with its proper arguments that best answers the given prompt.\n\n");
        sb.Append("Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}. Do not use variables.");
        sb.Append(ToolJson.RequiredInstruction(mode) is { } instruction
            ? " " + instruction
            : " If no function fits, answer in plain text instead.");
        sb.Append("\n\n");
        foreach (var tool in tools)
        {
            sb.Append(JsonText.Write(ToolJson.Declaration(tool), indented: true)).Append("\n\n");
        }

        return sb.ToString();
    }
}
