using System.Diagnostics.CodeAnalysis;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// Prompt-based tool calling for one chat call: the format, the declared tools and the parse options, and the steps the
/// chat client takes with them (plan continuation, rendering, parsing). Created only when tool calling applies.
/// </summary>
internal sealed class ChatToolSession
{
    private readonly IReadOnlyList<ChatMessage> _messages;
    private readonly ChatOptions? _options;

    private ChatToolSession(ToolCallFormat format, IReadOnlyList<ChatMessage> messages, ChatOptions? options, IReadOnlyList<AIFunctionDeclaration> tools)
    {
        Format = format;
        _messages = messages;
        _options = options;
        Tools = tools;
        ParseOptions = new ToolCallParseOptions { ToolMode = options?.ToolMode };
    }

    /// <summary>Gets the format in use.</summary>
    public ToolCallFormat Format { get; }

    /// <summary>Gets the declared functions (other tool kinds have no prompt form and are ignored).</summary>
    public IReadOnlyList<AIFunctionDeclaration> Tools { get; }

    /// <summary>Gets the parse options (the request's tool mode).</summary>
    public ToolCallParseOptions ParseOptions { get; }

    /// <summary>
    /// Creates the session when tool calling applies: functions are declared and the tool mode is not
    /// <see cref="ChatToolMode.None"/>, or the history holds function calls or results (which only the format can
    /// render). Returns null otherwise, and the conversation is sent as plain text turns.
    /// </summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="options">The chat options.</param>
    /// <param name="explicitFormat">The format set in the client options; null picks one by model id.</param>
    /// <param name="modelId">The model that runs the call.</param>
    public static ChatToolSession? Create(
        IReadOnlyList<ChatMessage> messages, ChatOptions? options, ToolCallFormat? explicitFormat, string modelId)
    {
        List<AIFunctionDeclaration> tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        bool toolsActive = tools.Count > 0 && options?.ToolMode is not NoneChatToolMode;
        bool historyHasTools = messages.Any(static m => m.Contents.Any(static c => c is FunctionCallContent or FunctionResultContent));
        if (!toolsActive && !historyHasTools)
        {
            return null;
        }

        return new ChatToolSession(explicitFormat ?? ToolCallFormats.ForModel(modelId), messages, options, tools);
    }

    /// <summary>
    /// Whether the next step is known without the model (the next layer of a nested pythonic call whose inner results
    /// arrived); the caller then answers with <paramref name="continuation"/> and sends no request.
    /// </summary>
    public bool TryContinuePlan([NotNullWhen(true)] out ToolParseResult? continuation) =>
        Format.TryContinuePlan(_messages, Tools, ParseOptions, out continuation);

    /// <summary>
    /// Renders the conversation in the format. <see cref="ChatOptions.Instructions"/> and the JSON response-format
    /// instruction become a leading system message, which the format places as it does any system text.
    /// </summary>
    /// <param name="systemInstructions">The instructions to put first, or an empty string.</param>
    public ToolPrompt Render(string systemInstructions)
    {
        IReadOnlyList<ChatMessage> messages = systemInstructions.Length == 0
            ? _messages
            : [new ChatMessage(ChatRole.System, systemInstructions), .. _messages];
        return Format.Render(messages, Tools, _options?.ToolMode);
    }

    /// <summary>Parses a complete reply.</summary>
    public ToolParseResult Parse(string text) => Format.Parse(text, Tools, ParseOptions);

    /// <summary>Creates the incremental parser of one streamed reply.</summary>
    public IToolCallStreamParser CreateStreamParser() => Format.CreateStreamParser(Tools, ParseOptions);
}
