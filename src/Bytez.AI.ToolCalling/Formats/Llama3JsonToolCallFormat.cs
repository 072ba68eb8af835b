using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Llama 3.1/3.2/3.3 JSON tool calling, following Meta's chat template (tools in the first user message): the system
/// message starts with <c>Environment: ipython</c>, the first user message starts with the instruction and the tools as
/// JSON; calls are <c>{"name": ..., "parameters": {...}}</c>, maybe after <c>&lt;|python_tag|&gt;</c>, several separated by
/// <c>;</c>; results are messages with role <c>ipython</c> (or user text, see <see cref="Llama3JsonToolCallFormat(string)"/>).
/// </summary>
/// <remarks>
/// The template writes <c>Environment: ipython</c> in the system header before the date lines, which a message cannot
/// reach; it is the first line of the system message instead. A call is also read when it stands on its own line after
/// prose, names a declared tool and ends the output, and from Meta's <c>&lt;function=name&gt;{...}&lt;/function&gt;</c>.
/// </remarks>
public sealed class Llama3JsonToolCallFormat : ToolCallFormat
{
    /// <summary>The role Llama 3's chat template uses for tool results.</summary>
    public const string IpythonRole = "ipython";

    /// <summary>The line the template adds to the system header when tools are given.</summary>
    public const string EnvironmentLine = "Environment: ipython";

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

        var entries = ChatHistoryReader.Read(messages);
        var output = new PromptMessageBuilder();
        bool renderTools = ShouldRenderTools(tools, mode);
        bool toolsPlaced = !renderTools;
        int first = 0;
        if (renderTools)
        {
            // The template takes a leading system message into the system header, after "Environment: ipython".
            bool leadingSystem = entries.Count > 0 && entries[0] is { Kind: HistoryEntryKind.Text, Role: "system" };
            output.Add("system", leadingSystem ? EnvironmentLine + "\n" + entries[0].Text : EnvironmentLine);
            first = leadingSystem ? 1 : 0;
        }

        for (int i = first; i < entries.Count; i++)
        {
            var entry = entries[i];
            switch (entry.Kind)
            {
                case HistoryEntryKind.Text when entry.Role == "user" && !toolsPlaced:
                    output.Add("user", ToolsPreamble(tools, mode) + entry.Text);
                    toolsPlaced = true;
                    break;
                case HistoryEntryKind.Text:
                    output.Add(entry.Role, entry.Text);
                    break;
                case HistoryEntryKind.Calls:
                    // The template writes the call alone (one per message; several are joined as the model writes them).
                    output.Add("assistant", string.Join("; ", entry.Calls.Select(static c => ToolJson.Call(c, "parameters"))));
                    break;
                case HistoryEntryKind.Results:
                    foreach (var result in entry.Results)
                    {
                        output.Add(
                            ResultRole,
                            ResultRole == IpythonRole ? result.Text : $"Result of {result.Name ?? "the function"}: {result.Text}");
                    }

                    break;
            }
        }

        if (!toolsPlaced)
        {
            output.Add("user", ToolsPreamble(tools, mode).TrimEnd());
        }

        return ToolPrompt.FromMessages(output.Build());
    }

    /// <inheritdoc/>
    public override IToolCallStreamParser CreateStreamParser(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions? options = null) =>
        CreateStreamParser(tools, options, static context => new Llama3CallReader(context));

    /// <summary>The template's first-user-message preamble, verbatim (it has no space before "Do not use variables.").</summary>
    private static string ToolsPreamble(IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        var sb = new StringBuilder();
        sb.Append("Given the following functions, please respond with a JSON for a function call with its proper arguments that best answers the given prompt.\n\n");
        sb.Append("Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.Do not use variables.");
        if (ToolJson.RequiredInstruction(mode) is { } instruction)
        {
            sb.Append(' ').Append(instruction);
        }

        sb.Append("\n\n");
        foreach (var tool in tools)
        {
            sb.Append(PythonJson.Write(ToolJson.Declaration(tool), indent: 4)).Append("\n\n");
        }

        return sb.ToString();
    }
}
