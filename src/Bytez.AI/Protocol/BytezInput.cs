using System.Text.Json.Nodes;

namespace Bytez.AI;

/// <summary>
/// The input of a run, in terms that map to both generations of the API: text, chat messages, a media URL or media
/// bytes, a question with its context, candidate labels; or raw JSON for anything else.
/// </summary>
/// <remarks>
/// <para>How each input is sent (the protocol layer writes it; wire reference §2.5 and §3.4):</para>
/// <list type="table">
/// <listheader><term>Input</term><description>v2 (<c>models/v2/{id}</c>) · v1 (<c>model/run</c>)</description></listheader>
/// <item><term><see cref="FromText"/></term><description><c>text</c> · <c>input</c></description></item>
/// <item><term><see cref="FromMessages"/></term><description><c>messages</c> (content blocks for media) · <c>input</c> (text only)</description></item>
/// <item><term><see cref="FromUrl"/></term><description><c>url</c> · <c>input</c></description></item>
/// <item><term><see cref="FromMedia"/></term><description><c>base64</c> as a data URL · raw base64 in <c>input</c> (images),
/// <c>b64AudioBufferWav</c> (audio) or <c>b64VideoBufferMp4</c> (video)</description></item>
/// <item><term><see cref="WithQuestion"/> on a URL or media</term><description><c>url</c>/<c>base64</c> + <c>question</c> ·
/// <c>image</c> + <c>question</c></description></item>
/// <item><term><see cref="WithCandidateLabels"/></term><description><c>text</c>/<c>url</c>/<c>base64</c> + <c>candidate_labels</c> ·
/// <c>text</c>/<c>image</c> + <c>candidate_labels</c></description></item>
/// <item><term><see cref="FromQuestion"/></term><description><c>question</c> + <c>context</c> · the same, at the top level</description></item>
/// <item><term><see cref="FromObject"/></term><description>members merged into the body · the same</description></item>
/// <item><term><see cref="FromJson"/> (not an object)</term><description><c>input</c> · <c>input</c></description></item>
/// </list>
/// <para>Instances are immutable: the factories copy what they are given, and the <c>With</c> methods return a new input.</para>
/// </remarks>
public sealed class BytezInput
{
    /// <summary>The members the run body sets itself; an object input may not override them.</summary>
    private static readonly string[] ReservedMembers = ["model", "stream", "params", "json"];

    private BytezInput()
    {
    }

    /// <summary>Gets an input that sends nothing but parameters (unconditional image generation).</summary>
    public static BytezInput None { get; } = new();

    /// <summary>Gets the text of a text input.</summary>
    internal string? Text { get; private init; }

    /// <summary>Gets the messages of a chat input.</summary>
    internal IReadOnlyList<BytezChatMessage>? Messages { get; private init; }

    /// <summary>Gets the address of a media input given by URL.</summary>
    internal Uri? Url { get; private init; }

    /// <summary>Gets the bytes of a media input given by value.</summary>
    internal BytezMedia? Media { get; private init; }

    /// <summary>Gets the question (question answering over a context, an image or a document).</summary>
    internal string? Question { get; private init; }

    /// <summary>Gets the context a question is answered from.</summary>
    internal string? Context { get; private init; }

    /// <summary>Gets the labels of a zero-shot classification or detection.</summary>
    internal IReadOnlyList<string>? CandidateLabels { get; private init; }

    /// <summary>Gets the members of an object input, merged into the body.</summary>
    internal JsonObject? Members { get; private init; }

    /// <summary>Gets a raw JSON value sent as <c>input</c>.</summary>
    internal JsonNode? Value { get; private init; }

    /// <summary>Creates a text input (<c>text</c> in v2, <c>input</c> in v1).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The input.</returns>
    /// <remarks>For images, audio or video use <see cref="FromUrl"/> or <see cref="FromMedia"/>, which both generations understand.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static BytezInput FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new BytezInput { Text = text };
    }

    /// <summary>Creates a chat input (<c>messages</c> in v2, <c>input</c> in v1).</summary>
    /// <param name="messages">The messages, in order. Messages with image, audio or video blocks need the v2 API.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> or one of its messages is null.</exception>
    /// <exception cref="ArgumentException">The list is empty, or a message has no role.</exception>
    public static BytezInput FromMessages(IEnumerable<BytezChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var copy = messages.ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException("The message list is empty: a chat needs at least one message, such as a 'user' message with the prompt.", nameof(messages));
        }

        foreach (var message in copy)
        {
            if (message is null)
            {
                throw new ArgumentNullException(nameof(messages), "The message list contains a null message.");
            }

            if (string.IsNullOrWhiteSpace(message.Role))
            {
                throw new ArgumentException("Every chat message needs a role such as 'user', 'assistant' or 'system'.", nameof(messages));
            }
        }

        return new BytezInput { Messages = copy };
    }

    /// <summary>Creates an image, audio or video input from a public URL (<c>url</c> in v2, <c>input</c> in v1).</summary>
    /// <param name="url">An absolute http(s) URL Bytez can fetch.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http(s) URL.</exception>
    public static BytezInput FromUrl(Uri url) => new() { Url = ValidateUrl(url, nameof(url)) };

    /// <summary>
    /// Creates an image, audio or video input from bytes (<c>base64</c> as a data URL in v2; raw base64 in v1, in
    /// <c>input</c> for images, <c>b64AudioBufferWav</c> for audio, <c>b64VideoBufferMp4</c> for video).
    /// </summary>
    /// <param name="data">The bytes. They are copied.</param>
    /// <param name="mediaType">The media type, such as <c>image/png</c>, <c>audio/wav</c> or <c>video/mp4</c>.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">The data is empty or the media type is malformed.</exception>
    public static BytezInput FromMedia(ReadOnlyMemory<byte> data, string mediaType) =>
        new() { Media = BytezMedia.Create(data, mediaType, nameof(data), nameof(mediaType)) };

    /// <summary>Creates a question-answering input: a question and the text to answer it from.</summary>
    /// <param name="question">The question.</param>
    /// <param name="context">The text that holds the answer.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">The question or context is null or white space.</exception>
    public static BytezInput FromQuestion(string question, string context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentException.ThrowIfNullOrWhiteSpace(context);
        return new BytezInput { Question = question, Context = context };
    }

    /// <summary>Creates an object input whose members are merged into the top level of the body (e.g. <c>{"question", "context"}</c>).</summary>
    /// <param name="members">The members. They are copied.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> is null.</exception>
    /// <exception cref="ArgumentException">A member is named <c>model</c>, <c>stream</c>, <c>params</c> or <c>json</c>, which the body sets itself.</exception>
    public static BytezInput FromObject(JsonObject members)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var reserved in ReservedMembers)
        {
            if (members.ContainsKey(reserved))
            {
                throw new ArgumentException(
                    $"An object input may not contain '{reserved}': the run body sets it. Pass parameters through the 'parameters' argument instead.",
                    nameof(members));
            }
        }

        return new BytezInput { Members = (JsonObject)members.DeepClone() };
    }

    /// <summary>
    /// Creates an input from any JSON value: an object is merged into the body (see <see cref="FromObject"/>), anything
    /// else is sent as <c>input</c>.
    /// </summary>
    /// <param name="value">The JSON value. It is copied.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static BytezInput FromJson(JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value is JsonObject obj ? FromObject(obj) : new BytezInput { Value = value.DeepClone() };
    }

    /// <summary>Adds a question about an image or document input (visual and document question answering).</summary>
    /// <param name="question">The question.</param>
    /// <returns>A new input with the question.</returns>
    /// <exception cref="ArgumentException"><paramref name="question"/> is null or white space.</exception>
    /// <exception cref="InvalidOperationException">This input is not a URL or media input.</exception>
    public BytezInput WithQuestion(string question)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        if (Url is null && Media is null)
        {
            throw new InvalidOperationException(
                "WithQuestion asks about an image or document: call it on BytezInput.FromUrl or BytezInput.FromMedia. For a question about a text, use BytezInput.FromQuestion(question, context).");
        }

        return Copy(question: question);
    }

    /// <summary>Adds the labels a zero-shot model chooses from (text, image or object-detection inputs).</summary>
    /// <param name="labels">The labels, such as <c>["travel", "cooking"]</c>. They are copied.</param>
    /// <returns>A new input with the labels.</returns>
    /// <exception cref="ArgumentException">The list is empty or a label is null or white space.</exception>
    /// <exception cref="InvalidOperationException">This input is not a text, URL or media input.</exception>
    public BytezInput WithCandidateLabels(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        string[] copy = [.. labels];
        if (copy.Length == 0 || copy.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Candidate labels must be a non-empty list of non-empty labels, such as [\"travel\", \"cooking\"].", nameof(labels));
        }

        if (Text is null && Url is null && Media is null)
        {
            throw new InvalidOperationException(
                "WithCandidateLabels classifies a text, image or video: call it on BytezInput.FromText, BytezInput.FromUrl or BytezInput.FromMedia.");
        }

        return Copy(labels: copy);
    }

    /// <summary>Converts text to a text input.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator BytezInput(string text) => FromText(text);

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>(4);
        if (Text is not null)
        {
            parts.Add($"text ({Text.Length} characters)");
        }

        if (Messages is not null)
        {
            parts.Add($"{Messages.Count} message(s)");
        }

        if (Url is not null)
        {
            parts.Add($"url {Url}");
        }

        if (Media is not null)
        {
            parts.Add($"{Media.MediaType} ({Media.Data.Length} bytes)");
        }

        if (Question is not null)
        {
            parts.Add(Context is null ? "question" : "question and context");
        }

        if (CandidateLabels is not null)
        {
            parts.Add($"{CandidateLabels.Count} candidate label(s)");
        }

        if (Members is not null)
        {
            parts.Add($"object with {Members.Count} member(s)");
        }

        if (Value is not null)
        {
            parts.Add($"JSON {Value.GetValueKind()}");
        }

        return parts.Count == 0 ? "BytezInput (none)" : "BytezInput { " + string.Join(", ", parts) + " }";
    }

    /// <summary>Checks a media URL: absolute http(s).</summary>
    internal static Uri ValidateUrl(Uri url, string paramName)
    {
        ArgumentNullException.ThrowIfNull(url, paramName);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException(
                $"'{url}' is not an absolute http(s) URL Bytez can fetch. For a local file, read its bytes and use FromMedia(bytes, mediaType).", paramName);
        }

        return url;
    }

    private BytezInput Copy(string? question = null, IReadOnlyList<string>? labels = null) => new()
    {
        Text = Text,
        Url = Url,
        Media = Media,
        Question = question ?? Question,
        Context = Context,
        CandidateLabels = labels ?? CandidateLabels,
    };
}
