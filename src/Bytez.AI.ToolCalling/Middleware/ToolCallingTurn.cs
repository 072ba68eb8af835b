using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Prompt-based tool calling for one request: the format, the declared functions and parse options, and the steps
/// <see cref="PromptToolCallingChatClient"/> takes with them (continue a plan, render, parse). Created only when tool
/// calling applies.
/// </summary>
internal sealed class ToolCallingTurn
{
    private readonly IReadOnlyList<ChatMessage> _messages;
    private readonly ChatOptions? _options;
    private readonly IReadOnlyList<AIFunctionDeclaration> _tools;
    private readonly ToolCallParseOptions _parseOptions;

    private ToolCallingTurn(ToolCallFormat format, string? modelId, IReadOnlyList<ChatMessage> messages, ChatOptions? options, IReadOnlyList<AIFunctionDeclaration> tools, bool lenientJson)
    {
        Format = format;
        ModelId = modelId;
        _messages = messages;
        _options = options;
        _tools = tools;
        _parseOptions = new ToolCallParseOptions
        {
            ToolMode = options?.ToolMode,
            LenientJson = lenientJson,
            AllowMultipleToolCalls = options?.AllowMultipleToolCalls != false,
        };
    }

    /// <summary>Gets the format in use.</summary>
    public ToolCallFormat Format { get; }

    /// <summary>Gets the id of the model that runs the request, when known.</summary>
    public string? ModelId { get; }

    /// <summary>
    /// Creates the turn when tool calling applies: functions are declared and the tool mode is not
    /// <see cref="ChatToolMode.None"/>, or the history holds function calls or results (which only the format can render).
    /// Returns null otherwise: the request passes through untouched.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty or holds null.</exception>
    /// <exception cref="NotSupportedException">A message holds media, which a text prompt cannot carry.</exception>
    public static ToolCallingTurn? Create(
        IEnumerable<ChatMessage> messages, ChatOptions? options, ToolCallFormat? explicitFormat, Func<string?> defaultModelId, bool lenientJson)
    {
        // The common call declares no tool and carries no tool content: it is told apart without allocating (no list, no
        // LINQ enumerators), since every chat call goes through here.
        bool toolsActive = options?.ToolMode is not NoneChatToolMode && DeclaresFunction(options?.Tools);
        IReadOnlyList<ChatMessage> list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        if (!toolsActive && !HasToolContent(list))
        {
            return null;
        }

        List<AIFunctionDeclaration> tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];

        ThrowIfNotRenderable(list);
        string? modelId = options?.ModelId is { Length: > 0 } requested ? requested : defaultModelId();
        ToolCallFormat format = explicitFormat ?? (string.IsNullOrWhiteSpace(modelId) ? ToolCallFormats.Hermes : ToolCallFormats.ForModel(modelId));
        return new ToolCallingTurn(format, modelId, list, options, tools, lenientJson);
    }

    private static bool DeclaresFunction(IList<AITool>? tools)
    {
        if (tools is null)
        {
            return false;
        }

        for (int i = 0; i < tools.Count; i++)
        {
            if (tools[i] is AIFunctionDeclaration)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasToolContent(IReadOnlyList<ChatMessage> messages)
    {
        for (int i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { } message)
            {
                continue;
            }

            IList<AIContent> contents = message.Contents;
            for (int j = 0; j < contents.Count; j++)
            {
                if (contents[j] is FunctionCallContent or FunctionResultContent)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the next step is known without the model (the next layer of a nested pythonic call whose inner results
    /// arrived); the caller then answers with <paramref name="continuation"/> and sends no request.
    /// </summary>
    public bool TryContinuePlan([NotNullWhen(true)] out ToolParseResult? continuation) =>
        Format.TryContinuePlan(_messages, _tools, _parseOptions, out continuation);

    /// <summary>
    /// Renders the request for the inner client: the format's messages (or a <see cref="RawPromptMessage"/>), and options
    /// without the tools, with the format's stop sequences after the caller's.
    /// </summary>
    /// <exception cref="ArgumentException">The tool mode requires a function that was not declared.</exception>
    public (List<ChatMessage> Messages, ChatOptions Options, IReadOnlyList<string> StopSequences) Render()
    {
        ToolPrompt prompt = Format.Render(_messages, _tools, _options?.ToolMode);
        List<ChatMessage> messages = prompt.IsRawPrompt
            ? [RawPromptMessage.Create(prompt.Prompt!)]
            : [.. prompt.Messages!.Select(static m => new ChatMessage(new ChatRole(m.Role), m.Content))];

        // The inner client sees plain text: declaring the tools natively as well would invite native calls.
        ChatOptions options = _options?.Clone() ?? new ChatOptions();
        options.Tools = null;
        options.ToolMode = null;
        options.AllowMultipleToolCalls = null;
        if (prompt.StopSequences.Count > 0)
        {
            List<string> stops = [.. options.StopSequences ?? []];
            stops.AddRange(prompt.StopSequences.Where(s => !stops.Contains(s, StringComparer.Ordinal)));
            options.StopSequences = stops;
        }

        return (messages, options, prompt.StopSequences);
    }

    /// <summary>Parses a complete reply.</summary>
    public ToolParseResult Parse(string text) => Format.Parse(text, _tools, _parseOptions);

    /// <summary>Creates the incremental parser of one streamed reply.</summary>
    public IToolCallStreamParser CreateStreamParser() => Format.CreateStreamParser(_tools, _parseOptions);

    private static void ThrowIfNotRenderable(IReadOnlyList<ChatMessage> messages)
    {
        if (messages.Count == 0)
        {
            throw new ArgumentException(
                "The message list is empty: pass at least one message, such as new ChatMessage(ChatRole.User, \"<prompt>\").", nameof(messages));
        }

        for (int i = 0; i < messages.Count; i++)
        {
            ChatMessage message = messages[i] ?? throw new ArgumentException($"The message at index {i} is null: remove it or pass a ChatMessage.", nameof(messages));
            if (message.Contents.FirstOrDefault(static c => c is DataContent or UriContent or HostedFileContent) is { } media)
            {
                throw new NotSupportedException(
                    $"Prompt-based tool calling renders the conversation as text, so message {i} cannot hold {media.GetType().Name}{MediaTypeOf(media)}. " +
                    "Send text, or use a model with a native tool API for this input.");
            }
        }
    }

    private static string MediaTypeOf(AIContent content) => content switch
    {
        DataContent data => $" ({data.MediaType})",
        UriContent uri => $" ({uri.MediaType})",
        HostedFileContent file when file.MediaType is not null => $" ({file.MediaType})",
        _ => string.Empty,
    };
}
