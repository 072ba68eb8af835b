using System.Text.Json.Nodes;

namespace Bytez.AI.ChatCompletion;

/// <summary>One chat call translated to the protocol: what to send and how to post-process the reply.</summary>
/// <param name="ModelId">The model that runs the call (the bound model, or <c>ChatOptions.ModelId</c>).</param>
/// <param name="Mode">The resolved input mode (never <see cref="BytezChatInputMode.Auto"/>).</param>
/// <param name="Input">The run input.</param>
/// <param name="Parameters">The <c>params</c> object.</param>
/// <param name="Prompt">In prompt mode, the prompt whose echo is removed from the output; otherwise null.</param>
/// <param name="TrimLeadingWhitespace">Whether the reply's leading white space is dropped (templated prompts).</param>
/// <param name="StopSequences">The stop sequences enforced client-side (the effective <c>stop_strings</c>).</param>
/// <param name="MaxNewTokens">The effective <c>max_new_tokens</c>, for the finish reason; null when unset.</param>
/// <param name="JsonResponse">Whether the caller asked for JSON (code fences are removed from the reply).</param>
/// <param name="Tools">The tool-calling session when the call renders tools or function calls/results; otherwise null.</param>
internal sealed record BytezChatRequest(
    string ModelId,
    BytezChatInputMode Mode,
    BytezInput Input,
    JsonObject Parameters,
    string? Prompt,
    bool TrimLeadingWhitespace,
    IReadOnlyList<string> StopSequences,
    int? MaxNewTokens,
    bool JsonResponse,
    ChatToolSession? Tools);
