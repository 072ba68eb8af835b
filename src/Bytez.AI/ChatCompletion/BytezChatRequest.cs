using System.Text.Json.Nodes;
using Bytez.AI.ToolCalling;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ChatCompletion;

/// <summary>One chat call translated to the protocol: what to send and how to post-process the reply.</summary>
/// <param name="ModelId">The model that runs the call (the bound model, or <c>ChatOptions.ModelId</c>).</param>
/// <param name="Mode">The resolved input mode (never <see cref="BytezChatInputMode.Auto"/>).</param>
/// <param name="Input">The run input.</param>
/// <param name="Parameters">The <c>params</c> object (read-only from here on: runs only serialize it).</param>
/// <param name="Prompt">In prompt mode, the prompt whose echo is removed from the output; otherwise null.</param>
/// <param name="TrimLeadingWhitespace">Whether the reply's leading white space is dropped (templated prompts).</param>
/// <param name="StopSequences">The stop sequences enforced client-side (the effective <c>stop_strings</c>).</param>
/// <param name="MaxNewTokens">The effective <c>max_new_tokens</c>, for the finish reason; null when unset.</param>
/// <param name="JsonResponse">Whether the caller asked for JSON (code fences are removed from the reply).</param>
internal sealed record BytezChatRequest(
    string ModelId,
    BytezChatInputMode Mode,
    BytezInput Input,
    JsonObject Parameters,
    string? Prompt,
    bool TrimLeadingWhitespace,
    IReadOnlyList<string> StopSequences,
    int? MaxNewTokens,
    bool JsonResponse)
{
    /// <summary>
    /// Translates one call: the turns become the protocol input (the one place that decides it), the options the params.
    /// A <see cref="RawPromptMessage"/> (a tool format's raw completion prompt) is sent as-is as text input, whatever the
    /// input mode, and its echo is removed; otherwise the input mode (resolved once per model) picks a message list or
    /// the prompt template. Images, audio and video become content blocks when the model and the API generation take
    /// them (<see cref="BytezChatMedia"/>). Everything that can be rejected is checked before the run.
    /// </summary>
    /// <param name="messages">The validated messages.</param>
    /// <param name="options">The chat options.</param>
    /// <param name="target">The model that runs the call.</param>
    /// <param name="inputModes">The input modes learnt for the client's models (one per <see cref="BytezClient"/>).</param>
    /// <param name="configuredMode">The configured input mode.</param>
    /// <param name="client">The chat client, for <see cref="ChatOptions.RawRepresentationFactory"/>.</param>
    /// <param name="cancellationToken">Cancels the input-mode listing wait.</param>
    /// <returns>The request.</returns>
    public static async ValueTask<BytezChatRequest> CreateAsync(
        IReadOnlyList<ChatMessage> messages,
        ChatOptions? options,
        BytezModel target,
        BytezChatInputModes inputModes,
        BytezChatInputMode configuredMode,
        IChatClient client,
        CancellationToken cancellationToken)
    {
        if (RawPromptMessage.TryGetPrompt(messages, out string? rawPrompt))
        {
            // The model takes the prompt exactly as rendered (no template, no role labels) and echoes it.
            return Create(target, options, client, BytezChatInputMode.Prompt, BytezInput.FromText(rawPrompt), rawPrompt, trimLeadingWhitespace: false);
        }

        bool hasMedia = BytezChatMedia.Any(messages);
        if (hasMedia)
        {
            BytezChatMedia.EnsureSendable(target, messages);
        }

        List<BytezChatMessage> turns = BytezChatMapper.ToTurns(messages, options, target.ModelId, mediaAccepted: hasMedia);
        BytezInputValidator.ThrowIfNoText(messages, turns.Count);
        JsonObject parameters = BytezChatMapper.ToParameters(options, client); // refused options fail before the listing

        (BytezChatInputMode mode, string? task) = await inputModes
            .ResolveAsync(target, configuredMode, needTask: hasMedia, cancellationToken).ConfigureAwait(false);
        if (hasMedia)
        {
            BytezChatMedia.EnsureModelTakes(target, task, mode, messages);
        }

        if (mode == BytezChatInputMode.Messages)
        {
            return Create(target, options, parameters, BytezChatInputMode.Messages, BytezInput.FromMessages(turns), null, trimLeadingWhitespace: false);
        }

        string prompt = BytezPromptTemplate.Render(turns, out bool isTemplate);
        return Create(target, options, parameters, BytezChatInputMode.Prompt, BytezInput.FromText(prompt), prompt, isTemplate);
    }

    private static BytezChatRequest Create(
        BytezModel target, ChatOptions? options, IChatClient client, BytezChatInputMode mode, BytezInput input, string? prompt, bool trimLeadingWhitespace) =>
        Create(target, options, BytezChatMapper.ToParameters(options, client), mode, input, prompt, trimLeadingWhitespace);

    private static BytezChatRequest Create(
        BytezModel target, ChatOptions? options, JsonObject parameters, BytezChatInputMode mode, BytezInput input, string? prompt, bool trimLeadingWhitespace)
    {
        return new BytezChatRequest(
            target.ModelId,
            mode,
            input,
            parameters,
            prompt,
            trimLeadingWhitespace,
            BytezChatMapper.ReadStopSequences(parameters),
            BytezChatMapper.ReadMaxNewTokens(parameters),
            options?.ResponseFormat is ChatResponseFormatJson);
    }
}
