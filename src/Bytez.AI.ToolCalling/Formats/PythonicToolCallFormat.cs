using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// NexusRaven's pythonic format (the seed's function-calling example): a raw completion prompt with a <c>Function:</c>
/// block per tool (a Python <c>def</c> with typed, defaulted parameters and a docstring), then
/// <c>User Query: {query}&lt;human_end&gt;</c>. The model answers <c>Call: f(a='x', b=g(c=1))&lt;bot_end&gt;</c>, parallel calls
/// separated by <c>; </c>, optionally followed by <c>Thought: ...</c> (dropped).
/// </summary>
/// <remarks>
/// <para>
/// NexusRaven is single-turn: only the last user message is the query; earlier turns and system messages are not
/// rendered. Nested calls are resolved client-side (see <see cref="TryContinuePlan"/>). Once every call since the last user
/// message has a result, the prompt asks for the answer instead, without function definitions (so the model does not
/// call again):
/// </para>
/// <code>
/// User Query: {query}
///
/// Function Results:
/// get_coordinates_from_city(city_name='Seattle') -> [47.6, -122.3]
/// get_weather_data(coordinates=[47.6, -122.3]) -> 12.5
///
/// Answer the User Query using the Function Results.&lt;human_end&gt;
/// </code>
/// <para>
/// <see cref="RequiredChatToolMode"/>: NexusRaven always answers with a call; a required specific function is the
/// only one rendered.
/// </para>
/// </remarks>
public sealed class PythonicToolCallFormat : ToolCallFormat
{
    /// <summary>The end-of-turn marker NexusRaven writes after its calls; sent as a stop sequence.</summary>
    public const string BotEnd = "<bot_end>";

    /// <summary>The end-of-query marker of the prompt.</summary>
    public const string HumanEnd = "<human_end>";

    /// <summary>The heading of the result list in the answer prompt.</summary>
    public const string FunctionResultsHeading = "Function Results:";

    /// <inheritdoc/>
    public override string Name => "pythonic";

    /// <inheritdoc/>
    public override ToolPrompt Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(tools);
        ToolJson.ValidateMode(tools, mode);

        int queryIndex = PendingCallPlan.LastUserMessageIndex(messages);
        string query = queryIndex >= 0 ? messages[queryIndex].Text : string.Empty;
        var since = ChatHistoryReader.Read(messages.Skip(queryIndex + 1));
        var results = since.Where(static e => e.Kind == HistoryEntryKind.Results).SelectMany(static e => e.Results).ToList();

        if (results.Count > 0)
        {
            return ToolPrompt.FromText(AnswerPrompt(query, results), [BotEnd]);
        }

        var sb = new StringBuilder("\n");
        if (ShouldRenderTools(tools, mode))
        {
            var rendered = mode is RequiredChatToolMode { RequiredFunctionName: { } name } ? tools.Where(t => t.Name == name) : tools;
            sb.AppendJoin("\n", rendered.Select(PythonSignature.RenderBlock)).Append('\n');
        }

        sb.Append("User Query: ").Append(query).Append(HumanEnd).Append('\n');
        return ToolPrompt.FromText(sb.ToString(), [BotEnd]);
    }

    /// <inheritdoc/>
    public override IToolCallStreamParser CreateStreamParser(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions? options = null) =>
        CreateStreamParser(tools, options, static context => new PythonicCallReader(context));

    /// <summary>
    /// Continues a nested call: after <c>Call: get_weather_data(coordinates=get_coordinates_from_city(city_name='Seattle'))</c>
    /// the first response holds only <c>get_coordinates_from_city</c>; once its result is in <paramref name="messages"/>, this
    /// returns <c>get_weather_data</c> with that result as <c>coordinates</c>, and the model is not asked. Results that failed
    /// (an exception, or <c>FunctionInvokingChatClient</c>'s <c>Error: ...</c> text) end the plan; the answer prompt shows them.
    /// </summary>
    /// <inheritdoc/>
    public override bool TryContinuePlan(
        IReadOnlyList<ChatMessage> messages,
        IReadOnlyList<AIFunctionDeclaration> tools,
        ToolCallParseOptions? options,
        [NotNullWhen(true)] out ToolParseResult? continuation)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(tools);
        continuation = null;
        options ??= new ToolCallParseOptions();
        if (options.ToolMode is NoneChatToolMode)
        {
            return false;
        }

        var context = new ToolCallParseContext(tools, options, CreateCallId);
        if (!PendingCallPlan.TryGetNextCalls(messages, context, out var calls))
        {
            return false;
        }

        continuation = new ToolParseResult(calls, calls.Any(static c => c is FunctionCallContent) ? ChatFinishReason.ToolCalls : null);
        return true;
    }

    private static string AnswerPrompt(string query, List<HistoryResult> results)
    {
        var sb = new StringBuilder();
        sb.Append("User Query: ").Append(query).Append("\n\n");
        sb.Append(FunctionResultsHeading).Append('\n');
        foreach (var result in results)
        {
            string call = result.Call is { } c
                ? c.Name + "(" + string.Join(", ", JsonText.FromArguments(c.Arguments).Select(static a => a.Key + "=" + PythonLiteral.Format(a.Value))) + ")"
                : result.Name ?? "unknown()";
            sb.Append(call).Append(" -> ").Append(result.Text.ReplaceLineEndings(" ")).Append('\n');
        }

        sb.Append("\nAnswer the User Query using the Function Results.").Append(HumanEnd).Append('\n');
        return sb.ToString();
    }
}
