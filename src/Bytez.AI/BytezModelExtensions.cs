using System.Diagnostics.CodeAnalysis;
using Bytez.AI;
using Bytez.AI.ChatCompletion;
using Bytez.AI.Embeddings;
using Bytez.AI.Images;
using Bytez.AI.OpenAICompatible;
using Bytez.AI.Speech;
using Bytez.AI.ToolCalling;

namespace Microsoft.Extensions.AI;

/// <summary>Creates Microsoft.Extensions.AI clients backed by a Bytez model.</summary>
/// <remarks>
/// On the serverless v2 API (the default) the clients just run the model. On v1, every client made from models of one
/// <see cref="BytezClient"/> shares that model's instance: the first call loads it once, and disposing the last client
/// stops it if this client started it.
/// </remarks>
public static class BytezModelExtensions
{
    /// <summary>
    /// Gets an <see cref="IChatClient"/> for a chat or text-generation model: closed-source models through Bytez's
    /// OpenAI-compatible endpoint (native tool calls, token usage, JSON-schema structured output), open models through the
    /// native run with prompt-based tool calling.
    /// </summary>
    /// <remarks>
    /// <para><b>Route.</b> <see cref="BytezChatClientOptions.Route"/> picks the endpoint, here and only here:
    /// <see cref="BytezChatRoute.Auto"/> (the default) sends closed-source ids (<c>openai/…</c>, <c>anthropic/…</c>,
    /// <c>google/gemini-…</c>, <c>mistral/…</c>, <c>cohere/…</c>) to the OpenAI-compatible endpoint on the v2 API and
    /// everything else to the native run; <see cref="BytezChatRoute.OpenAICompatible"/> on a v1 client throws
    /// <see cref="NotSupportedException"/> here, before any request.</para>
    /// <para><b>The OpenAI-compatible route</b> is Microsoft.Extensions.AI.OpenAI's <see cref="IChatClient"/> over the
    /// official OpenAI SDK pointed at <c>{Endpoint}models/v2/openai/v1</c> with the Bytez key (and the
    /// <c>provider-key</c> header when <see cref="BytezClientOptions.ProviderKeys"/> has one for the model): its tools and
    /// <see cref="ChatOptions.ToolMode"/> are native (<see cref="FunctionCallContent"/> from <c>tool_calls</c>, streamed
    /// too), <see cref="ChatResponse.Usage"/> and <see cref="UsageContent"/> report token counts,
    /// <see cref="ChatOptions.ResponseFormat"/> sends the JSON schema, images and audio go in messages, and
    /// <see cref="ChatOptions.AdditionalProperties"/> become request members (<c>logprobs</c>, <c>top_logprobs</c>, ...)
    /// unless a typed option or the <see cref="ChatOptions.RawRepresentationFactory"/>'s <c>ChatCompletionOptions</c>
    /// sets them. Its metadata says <c>bytez</c>, the Bytez endpoint and the model id; its errors are the
    /// <see cref="BytezException"/> family with keys redacted; its requests go through the <see cref="BytezClient"/>'s
    /// <see cref="HttpClient"/> (one retry layer: <see cref="BytezRetryHandler"/>, the SDK's retries are off);
    /// <c>GetService</c> also finds the SDK's <c>OpenAI.Chat.ChatClient</c>. Everything below describes the native route.</para>
    /// <para>The native route is composed here too: the Bytez chat client (text in, text out) under a
    /// <see cref="PromptToolCallingChatClient"/> (unless <see cref="BytezChatClientOptions.PromptToolCalling"/> is off).
    /// On v1 the model's instance is loaded on first use and, by default, stopped when the client is disposed (see
    /// <see cref="BytezInstanceOptions"/>); v2 is serverless. <c>GetService</c> finds <see cref="ChatClientMetadata"/>,
    /// <see cref="BytezModel"/> and <see cref="BytezClient"/> through the composed client.</para>
    /// <para><b>Input.</b> <see cref="BytezChatClientOptions.InputMode"/> chooses how the conversation is sent:
    /// <see cref="BytezChatInputMode.Messages"/> sends the messages (<c>messages</c> in v2, <c>input</c> in v1) and the
    /// reply is the assistant message the model returns (v2) or the last message of the conversation it returns (v1); <see cref="BytezChatInputMode.Prompt"/> sends one prompt
    /// (system text, then <c>User: ...</c> / <c>Assistant: ...</c> turns ending with <c>Assistant:</c>; a lone user
    /// message is sent as its raw text so a completion model continues it) and the reply is <c>generated_text</c> without
    /// the echoed prompt, removed only if the output really starts with it; <see cref="BytezChatInputMode.Auto"/> decides
    /// once per <see cref="BytezClient"/> and model from the model's task in <see cref="BytezClient.ListModelsAsync(string?, string?, CancellationToken)"/>:
    /// <c>chat</c> and <c>*-text-to-text</c> tasks take messages, <c>text2text-generation</c> a prompt,
    /// <c>text-generation</c> messages when the id looks like a chat model (a name segment <c>instruct</c>, <c>chat</c>
    /// or <c>it</c>, or a Hermes, Phi-3 or Qwen3 model; NexusRaven is a completion model) and a prompt otherwise; any
    /// other task throws <see cref="NotSupportedException"/> naming the adapter to use. If the listing fails (a timeout,
    /// a 5xx) or does not include the model, the id alone decides; a refused key, a wrong endpoint or API generation
    /// (404) or exhausted credits is thrown instead.</para>
    /// <para><b>Media.</b> Text contents of a message are concatenated and messages with no text are skipped. Images,
    /// audio and video (<see cref="DataContent"/> bytes, or a <see cref="UriContent"/> with a public http(s) URL) become
    /// content blocks on the v2 API, for <c>image-text-to-text</c>, <c>audio-text-to-text</c> and
    /// <c>video-text-to-text</c> models respectively. Before the run, <see cref="NotSupportedException"/> says which
    /// models or generation take media when the client speaks v1, the model's task is another one, the input mode is a
    /// prompt, the media is of another kind, or it is a <see cref="HostedFileContent"/> (Bytez hosts no files).</para>
    /// <para><b>Options</b> become Hugging Face generation <c>params</c>: <see cref="ChatOptions.Temperature"/> &gt; 0
    /// gives <c>temperature</c> and <c>do_sample: true</c>, 0 gives <c>do_sample: false</c> (greedy);
    /// <see cref="ChatOptions.TopP"/> <c>top_p</c>; <see cref="ChatOptions.TopK"/> <c>top_k</c>;
    /// <see cref="ChatOptions.MaxOutputTokens"/> <c>max_new_tokens</c>; <see cref="ChatOptions.Seed"/> <c>seed</c>;
    /// <see cref="ChatOptions.StopSequences"/> <c>stop_strings</c>, also enforced by the client (the reply is cut before
    /// the first stop sequence, streamed or not) because not every container honours it;
    /// <see cref="ChatOptions.FrequencyPenalty"/> <c>repetition_penalty = 1 + FrequencyPenalty</c> (or
    /// <see cref="ChatOptions.PresencePenalty"/> when FrequencyPenalty is not set; a result of 0 or less throws
    /// <see cref="ArgumentOutOfRangeException"/>); <see cref="ChatOptions.Instructions"/> a system message merged in front
    /// of the first system message (or inserted first); <see cref="ChatOptions.ResponseFormat"/> JSON a system
    /// instruction asking for JSON only (with the schema, its name and description) and a surrounding <c>```json</c>
    /// fence removed from a non-streamed reply; <see cref="ChatOptions.ModelId"/> naming another model runs the call on
    /// that model through its own instance lease (loaded on first use, released when the client is disposed). A
    /// <c>JsonObject</c> returned by <see cref="ChatOptions.RawRepresentationFactory"/> is the base of <c>params</c>;
    /// <see cref="ChatOptions.AdditionalProperties"/> are copied verbatim into the keys it lacks; typed options fill only
    /// keys still unset (so <c>AdditionalProperties["repetition_penalty"]</c> wins over <see cref="ChatOptions.FrequencyPenalty"/>). <see cref="ChatOptions.ConversationId"/> is ignored: Bytez is stateless.</para>
    /// <para><b>Responses</b> hold one assistant message stamped with the time of the client's
    /// <see cref="BytezClientOptions.TimeProvider"/>; <see cref="ChatResponse.ResponseId"/> and
    /// <see cref="ChatMessage.MessageId"/> are one generated <c>chatcmpl-</c> id; <see cref="ChatResponse.ModelId"/> is
    /// the model that ran; <see cref="ChatResponse.FinishReason"/> is <see cref="ChatFinishReason.Length"/> when the reply
    /// has at least <c>max_new_tokens</c> words (Bytez reports no token counts; words approximate tokens) and
    /// <see cref="ChatFinishReason.Stop"/> otherwise; <see cref="ChatResponse.RawRepresentation"/> is the
    /// <see cref="BytezRunResult"/>; <see cref="ChatResponse.Usage"/> is never set. <b>Streaming</b> yields text as it
    /// arrives, with one response and message id, the assistant role, the model id and the creation time on every
    /// update, and the finish reason on a final update with no text; text is held back only while it may still be the
    /// echoed prompt or the start of a stop sequence; JSON fences are not removed from streams.</para>
    /// <para><b>Tool calling</b> is prompt-based (Bytez models have no tool API): see
    /// <see cref="PromptToolCallingChatClient"/>. The format is <see cref="BytezChatClientOptions.ToolCallFormat"/>, or
    /// <see cref="ToolCallFormats.ForModel"/> of the model that runs the call. A raw-prompt format (NexusRaven) reaches
    /// the Bytez client as a <see cref="RawPromptMessage"/>, which it sends as text input as-is (its echo removed). Use
    /// <c>UseFunctionInvocation()</c> to run the calls.</para>
    /// </remarks>
    /// <param name="model">The model.</param>
    /// <param name="options">Route, instance management, input mode and tool calling; defaults when null. Read once, here.</param>
    /// <returns>The chat client. Dispose it to stop an instance it started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="NotSupportedException"><see cref="BytezChatRoute.OpenAICompatible"/> on a v1 client.</exception>
    public static IChatClient AsIChatClient(this BytezModel model, BytezChatClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new BytezChatClientOptions();
        if (BytezChatRouting.Resolve(model, options.Route) == BytezChatRoute.OpenAICompatible)
        {
            return new OpenAICompatibleChatClient(model, options);
        }

        IChatClient chat = new BytezChatClient(model, options);
        return options.PromptToolCalling ? new PromptToolCallingChatClient(chat, options.ToolCallFormat) : chat;
    }

    /// <summary>Gets an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for a feature-extraction or sentence-similarity model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management and parallelism; defaults when null.</param>
    /// <returns>The generator. Dispose it to stop an instance it started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static IEmbeddingGenerator<string, Embedding<float>> AsIEmbeddingGenerator(this BytezModel model, BytezEmbeddingGeneratorOptions? options = null) =>
        new BytezEmbeddingGenerator(model, options);

    /// <summary>Gets an <see cref="IImageGenerator"/> for a text-to-image or unconditional image generation model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <returns>The generator. Dispose it to stop an instance it started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    [Experimental("MEAI001")]
    public static IImageGenerator AsIImageGenerator(this BytezModel model, BytezImageGeneratorOptions? options = null) =>
        new BytezImageGenerator(model, options);

    /// <summary>Gets an <see cref="ISpeechToTextClient"/> for an automatic-speech-recognition model (such as <c>openai/whisper-large-v3</c>).</summary>
    /// <remarks>
    /// <para><b>Audio.</b> <c>GetTextAsync(stream)</c> reads the stream from its current position to its end and checks it
    /// before any request: an empty stream, a broken WAV (no format chunk, no samples) or bytes that are no audio throw
    /// <see cref="ArgumentException"/>. On v2 (the default) WAV, MP3, FLAC and Ogg audio are sent as a <c>base64</c> data
    /// URL, and a public link given with
    /// <see cref="BytezSpeechToTextClientExtensions.GetTextAsync(ISpeechToTextClient, UriContent, SpeechToTextOptions?, CancellationToken)"/>
    /// as <c>url</c>; v1 sends a WAV as <c>b64AudioBufferWav</c>, and other formats or a link throw
    /// <see cref="NotSupportedException"/>.</para>
    /// <para><b>Options</b> become <c>params</c>, with the precedence of every adapter (the
    /// <see cref="SpeechToTextOptions.RawRepresentationFactory"/>'s <c>JsonObject</c>, then
    /// <see cref="SpeechToTextOptions.AdditionalProperties"/>, then typed options for what is unset):
    /// <see cref="SpeechToTextOptions.SpeechLanguage"/> gives <c>generate_kwargs.language</c> (its primary subtag:
    /// <c>fr-FR</c> gives <c>fr</c>), and a <see cref="SpeechToTextOptions.TextLanguage"/> other than the speech language
    /// asks Whisper to translate (<c>generate_kwargs.task = "translate"</c>), into English only (another language throws
    /// <see cref="NotSupportedException"/>); models that do not generate (wav2vec2, data2vec) ignore both.
    /// <see cref="SpeechToTextOptions.SpeechSampleRate"/> is not sent: the audio carries its rate.
    /// <see cref="SpeechToTextOptions.ModelId"/> naming another model runs the call on that model through its own lease.</para>
    /// <para><b>Responses</b> hold the transcript as one <see cref="TextContent"/>, the model that ran, a response id, the
    /// <see cref="BytezRunResult"/> as raw representation, and for WAV audio its span (start 0, end its duration). Bytez
    /// does not stream recognition: <c>GetStreamingTextAsync</c> yields the transcript as one
    /// <see cref="SpeechToTextResponseUpdateKind.TextUpdated"/> update when the model answers. On v1 the model's instance
    /// is loaded on first use and stopped when the client is disposed; v2 is serverless.</para>
    /// </remarks>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <returns>The client. Dispose it to stop an instance it started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    [Experimental("MEAI001")]
    public static ISpeechToTextClient AsISpeechToTextClient(this BytezModel model, BytezSpeechToTextClientOptions? options = null) =>
        new BytezSpeechToTextClient(model, options);

    /// <summary>Gets an <see cref="ITextToSpeechClient"/> for a text-to-speech or text-to-audio model (such as <c>suno/bark-small</c>).</summary>
    /// <remarks>
    /// <para><b>Audio.</b> v2 (the default) asks for the raw audio (<c>"json": false</c>) and downloads Bytez's CDN link
    /// instead if the server answers with one; v1 decodes the base64 of <c>output_wav</c>. The response holds one
    /// <see cref="DataContent"/> (WAV, as Bytez speech models produce), the model that ran, a response id and the
    /// <see cref="BytezMedia"/>. <c>GetStreamingAudioAsync</c> yields the audio as it arrives:
    /// <see cref="TextToSpeechResponseUpdateKind.AudioUpdating"/> pieces, the last one
    /// <see cref="TextToSpeechResponseUpdateKind.AudioUpdated"/> (v1 answers at once: one update).</para>
    /// <para><b>Options.</b> Before any request, <see cref="NotSupportedException"/> refuses what Bytez speech models do
    /// not take: an <see cref="TextToSpeechOptions.AudioFormat"/> other than WAV; a <see cref="TextToSpeechOptions.VoiceId"/>
    /// unless <see cref="BytezTextToSpeechClientOptions.VoiceParameter"/> names the <c>params</c> key it goes to;
    /// <see cref="TextToSpeechOptions.Language"/>, <see cref="TextToSpeechOptions.Speed"/>,
    /// <see cref="TextToSpeechOptions.Pitch"/> and <see cref="TextToSpeechOptions.Volume"/> (Bytez documents no such
    /// parameters). Model-specific settings go by name in <see cref="TextToSpeechOptions.AdditionalProperties"/> or a
    /// <c>JsonObject</c> from <see cref="TextToSpeechOptions.RawRepresentationFactory"/>, which become <c>params</c>.
    /// Empty text throws <see cref="ArgumentException"/>. On v1 the model's instance is loaded on first use and stopped
    /// when the client is disposed; v2 is serverless.</para>
    /// </remarks>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management and the voice parameter; defaults when null.</param>
    /// <returns>The client. Dispose it to stop an instance it started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="BytezTextToSpeechClientOptions.VoiceParameter"/> is empty or white space.</exception>
    [Experimental("MEAI001")]
    public static ITextToSpeechClient AsITextToSpeechClient(this BytezModel model, BytezTextToSpeechClientOptions? options = null) =>
        new BytezTextToSpeechClient(model, options);
}
