using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Json;
using Bytez.AI.Serialization;

namespace Bytez.AI;

/// <summary>
/// The response of a run. The task-specific output stays as JSON (<see cref="Output"/>, <see cref="RawRepresentation"/>);
/// the accessors read the documented shapes and throw <see cref="BytezProtocolException"/> when the shape does not match.
/// </summary>
/// <remarks>
/// The accessors read the v1 shapes (<c>output[0].generated_text</c>, top-level <c>output_png</c>, ...) and also the
/// normalised v2 shapes (<c>output</c> as a plain string, a chat <c>output</c> of <c>{role, content}</c>, media as a
/// <c>data:</c> URL), so the same code works against either generation of the API.
/// </remarks>
public sealed class BytezRunResult
{
    private const string TaskHint = "Check that the model's task matches the accessor you called; Output holds the raw JSON.";

    private readonly string? _modelId;
    private readonly Http.BytezRedactor? _redactor;

    /// <summary>The body not parsed yet (an answer checked to be valid JSON), read on demand; empty once parsed eagerly.</summary>
    private readonly ReadOnlyMemory<byte> _utf8Json;

    /// <summary>The parsed body: set by the constructor, or on first access to the DOM members (then once, atomically).</summary>
    private ParsedBody? _parsed;

    /// <summary>Initializes a new instance of the <see cref="BytezRunResult"/> class.</summary>
    /// <param name="rawRepresentation">The whole response body (it must outlive this object: pass a cloned or standalone element).</param>
    /// <param name="modelId">The model that produced it, for error messages.</param>
    /// <param name="redactor">Removes the API key from what error messages quote of the body (member names, URLs).</param>
    internal BytezRunResult(JsonElement rawRepresentation, string? modelId = null, Http.BytezRedactor? redactor = null)
    {
        _parsed = new ParsedBody(rawRepresentation);
        _modelId = modelId;
        _redactor = redactor;
    }

    /// <summary>Initializes a new instance of the <see cref="BytezRunResult"/> class over a body not parsed yet.</summary>
    /// <param name="utf8Json">The whole response body, already checked to be one valid JSON value; nothing may write to it afterwards.</param>
    /// <param name="modelId">The model that produced it, for error messages.</param>
    /// <param name="redactor">Removes the API key from what error messages quote of the body (member names, URLs).</param>
    /// <remarks>
    /// The DOM (<see cref="RawRepresentation"/>, <see cref="Output"/>, <see cref="Provider"/>) is built on first access;
    /// a v2 chat reply (<see cref="GetAssistantMessage"/>) or string output is read straight from the bytes.
    /// </remarks>
    internal BytezRunResult(ReadOnlyMemory<byte> utf8Json, string? modelId = null, Http.BytezRedactor? redactor = null)
    {
        _utf8Json = utf8Json;
        _modelId = modelId;
        _redactor = redactor;
    }

    /// <summary>Gets the whole JSON response body.</summary>
    public JsonElement RawRepresentation => Parsed.Root;

    /// <summary>Gets the <c>output</c> member, or null when the body has none (media generators use top-level members).</summary>
    public JsonElement? Output => Parsed.Output;

    /// <summary>
    /// Gets the closed-source provider's untouched reply (the v2 <c>provider</c> member, for example the whole OpenAI
    /// <c>chat.completion</c> of <c>openai/gpt-4o</c>, with its usage), or null for open models and v1.
    /// </summary>
    public JsonElement? Provider => Parsed.Provider;

    private ParsedBody Parsed
    {
        get
        {
            if (_parsed is { } parsed)
            {
                return parsed;
            }

            // Racing first readers may both parse; one result is kept, and both are the same value.
            Interlocked.CompareExchange(ref _parsed, new ParsedBody(JsonBody.Parse(_utf8Json.Span)), null);
            return _parsed;
        }
    }

    /// <summary>Reads <c>output[0].generated_text</c> as text (text generation, text2text, image-to-text; includes the echoed prompt).</summary>
    /// <returns>The generated text. For a chat conversation, the content of its last message; for v2, the <c>output</c> string.</returns>
    /// <exception cref="BytezProtocolException">The output has none of these shapes.</exception>
    public string GetGeneratedText()
    {
        const string What = "generated text";
        const string Expected = "output[0].generated_text (a string) or a string output";
        if (_parsed is null && RunOutputReader.TryReadString(_utf8Json.Span, out var direct))
        {
            return direct;
        }

        var output = RequireOutput(What, Expected);
        if (output.ValueKind == JsonValueKind.String)
        {
            return output.GetString()!;
        }

        var item = FirstItem(output);
        if (item.ValueKind == JsonValueKind.String)
        {
            return item.GetString()!;
        }

        if (JsonRead.TryGet(item, "generated_text", out var generated))
        {
            if (generated.ValueKind == JsonValueKind.String)
            {
                return generated.GetString()!;
            }

            if (generated.ValueKind == JsonValueKind.Array && generated.GetArrayLength() > 0)
            {
                return ReadLastMessage(What, generated).Content;
            }
        }

        if (IsMessage(item))
        {
            return ReadMessage(What, item, "output").Content;
        }

        throw Shape(What, Expected, Found(output));
    }

    /// <summary>Reads the conversation a chat model returned (<c>output[0].generated_text</c> as a message list).</summary>
    /// <returns>The messages: the input followed by the new assistant message. A v2 answer (<c>output</c> = one message) gives that message alone.</returns>
    /// <exception cref="BytezProtocolException">The output is not a conversation.</exception>
    public IReadOnlyList<BytezChatMessage> GetChatMessages()
    {
        const string What = "chat messages";
        const string Expected = "output[0].generated_text as an array of {role, content} messages, or an output {role, content}";
        var output = RequireOutput(What, Expected);
        if (IsMessage(output))
        {
            return [ReadMessage(What, output, "output")];
        }

        var item = FirstItem(output);
        if (JsonRead.TryGet(item, "generated_text", out var generated) && generated.ValueKind == JsonValueKind.Array && generated.GetArrayLength() > 0)
        {
            return ReadConversation(What, generated);
        }

        throw Shape(What, Expected, Found(output));
    }

    /// <summary>Reads the new assistant message of a chat model: v2's <c>output</c> message, or the last element of v1's returned conversation.</summary>
    /// <returns>The reply.</returns>
    /// <remarks>Only the last message is read, so a long echoed history costs one pass over the output.</remarks>
    /// <exception cref="BytezProtocolException">The output is not a conversation.</exception>
    public BytezChatMessage GetAssistantMessage()
    {
        const string What = "chat messages";
        const string Expected = "output[0].generated_text as an array of {role, content} messages, or an output {role, content}";
        if (TryReadOutputMessage(out var direct))
        {
            return direct;
        }

        var output = RequireOutput(What, Expected);
        if (IsMessage(output))
        {
            return ReadMessage(What, output, "output");
        }

        var item = FirstItem(output);
        if (JsonRead.TryGet(item, "generated_text", out var generated) && generated.ValueKind == JsonValueKind.Array && generated.GetArrayLength() > 0)
        {
            return ReadLastMessage(What, generated);
        }

        throw Shape(What, Expected, Found(output));
    }

    /// <summary>
    /// Reads an embedding: a flat vector, <c>[vector]</c>, or a token-by-dimension matrix (mean-pooled over tokens).
    /// Deeper nesting is unwrapped by taking the first element until a matrix or vector is reached.
    /// </summary>
    /// <returns>The vector.</returns>
    /// <exception cref="BytezProtocolException">The output is not an array of numbers at any depth, or a matrix is ragged.</exception>
    public float[] GetEmbedding()
    {
        const string What = "an embedding";
        const string Expected = "a vector of numbers, [vector] or a token-by-dimension matrix";
        var current = RequireOutput(What, Expected);
        var path = "output";
        while (current.ValueKind == JsonValueKind.Array && current.GetArrayLength() > 0)
        {
            var first = current[0];
            if (first.ValueKind == JsonValueKind.Number)
            {
                return ToVector(What, current, path);
            }

            if (first.ValueKind != JsonValueKind.Array || first.GetArrayLength() == 0)
            {
                break;
            }

            if (first[0].ValueKind == JsonValueKind.Number)
            {
                return MeanPool(What, current, path);
            }

            current = first;
            path += "[0]";
        }

        throw Shape(What, Expected, $"{path} is {JsonRead.Describe(current)}");
    }

    /// <summary>Reads <c>summary_text</c>, <c>translation_text</c> or <c>generated_text</c> of the first output item.</summary>
    /// <returns>The text (for v2, the <c>output</c> string).</returns>
    /// <exception cref="BytezProtocolException">The output has none of these members.</exception>
    public string GetText()
    {
        const string What = "text";
        const string Expected = "output[0].summary_text, translation_text or generated_text, or a string output";
        var output = RequireOutput(What, Expected);
        if (output.ValueKind == JsonValueKind.String)
        {
            return output.GetString()!;
        }

        var item = FirstItem(output);
        if (item.ValueKind == JsonValueKind.String)
        {
            return item.GetString()!;
        }

        foreach (var name in (ReadOnlySpan<string>)["summary_text", "translation_text", "generated_text", "answer", "text"])
        {
            if (JsonRead.String(item, name) is { } text)
            {
                return text;
            }
        }

        if (IsMessage(item) || JsonRead.TryGet(item, "generated_text", out _))
        {
            return GetGeneratedText();
        }

        throw Shape(What, Expected, Found(output));
    }

    /// <summary>Reads the transcription of a speech-recognition run (<c>output.text</c>).</summary>
    /// <returns>The transcribed text (for v2, the <c>output</c> string).</returns>
    /// <exception cref="BytezProtocolException">The output has no text.</exception>
    public string GetTranscription()
    {
        const string What = "a transcription";
        const string Expected = "output.text (a string) or a string output";
        var output = RequireOutput(What, Expected);
        if (output.ValueKind == JsonValueKind.String)
        {
            return output.GetString()!;
        }

        if (JsonRead.String(FirstItem(output), "text") is { } text)
        {
            return text;
        }

        throw Shape(What, Expected, Found(output));
    }

    /// <summary>
    /// Reads labels with scores: <c>[{"label","score"}]</c>, the nested video-classification form, or the parallel
    /// <c>labels</c>/<c>scores</c> arrays of zero-shot classification.
    /// </summary>
    /// <returns>The labels, in the order returned. A null score (some segmentation models) reads as <see cref="double.NaN"/>.</returns>
    /// <exception cref="BytezProtocolException">The output has none of these shapes.</exception>
    public IReadOnlyList<BytezLabelScore> GetLabels()
    {
        const string What = "labels";
        const string Expected = "output as [{label, score}, ...], [[{label, score}, ...]] or {labels: [...], scores: [...]}";
        var output = RequireOutput(What, Expected);
        if (output.ValueKind == JsonValueKind.Object
            && JsonRead.TryGet(output, "labels", out var labels) && labels.ValueKind == JsonValueKind.Array
            && JsonRead.TryGet(output, "scores", out var scores) && scores.ValueKind == JsonValueKind.Array)
        {
            if (labels.GetArrayLength() != scores.GetArrayLength())
            {
                throw Shape(What, "output.labels and output.scores of the same length",
                    $"{labels.GetArrayLength()} labels and {scores.GetArrayLength()} scores");
            }

            var zipped = new List<BytezLabelScore>(labels.GetArrayLength());
            for (var i = 0; i < labels.GetArrayLength(); i++)
            {
                zipped.Add(new BytezLabelScore(
                    labels[i].ValueKind == JsonValueKind.String ? labels[i].GetString()! : throw Shape(What, Expected, $"output.labels[{i}] is {JsonRead.Describe(labels[i])}"),
                    Score(What, scores[i], $"output.scores[{i}]")));
            }

            return zipped;
        }

        if (output.ValueKind != JsonValueKind.Array)
        {
            throw Shape(What, Expected, Found(output));
        }

        var list = output;
        var path = "output";
        if (list.GetArrayLength() > 0 && list[0].ValueKind == JsonValueKind.Array)
        {
            list = list[0];
            path = "output[0]";
        }

        var result = new List<BytezLabelScore>(list.GetArrayLength());
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var label = JsonRead.String(item, "label")
                ?? throw Shape(What, Expected, $"{path}[{index}] is {JsonRead.Describe(item)}");
            var score = JsonRead.TryGet(item, "score", out var scoreElement) ? Score(What, scoreElement, $"{path}[{index}].score") : double.NaN;
            result.Add(new BytezLabelScore(label, score));
            index++;
        }

        return result;
    }

    /// <summary>Decodes the top-level <c>output_png</c> (text-to-image, unconditional image generation).</summary>
    /// <returns>The PNG bytes. A v2 <c>data:image/...;base64,</c> output is decoded too.</returns>
    /// <exception cref="BytezProtocolException">There is no image, it is only a URL (see <see cref="TryGetOutputUrl"/>), or its base64 is invalid.</exception>
    public byte[] GetPngBytes() => GetMedia("output_png", "image", "an image");

    /// <summary>Decodes the top-level <c>output_wav</c> (text-to-speech, text-to-audio).</summary>
    /// <returns>The WAV bytes. A v2 <c>data:audio/...;base64,</c> output is decoded too.</returns>
    /// <exception cref="BytezProtocolException">There is no audio, it is only a URL (see <see cref="TryGetOutputUrl"/>), or its base64 is invalid.</exception>
    public byte[] GetWavBytes() => GetMedia("output_wav", "audio", "audio");

    /// <summary>Decodes the top-level <c>output_mp4</c> (text-to-video).</summary>
    /// <returns>The MP4 bytes. A v2 <c>data:video/...;base64,</c> output is decoded too.</returns>
    /// <exception cref="BytezProtocolException">There is no video, it is only a URL (see <see cref="TryGetOutputUrl"/>), or its base64 is invalid.</exception>
    public byte[] GetMp4Bytes() => GetMedia("output_mp4", "video", "a video");

    /// <summary>
    /// Reads generated media whatever the generation's shape: a top-level <c>output_png</c>, <c>output_wav</c> or
    /// <c>output_mp4</c> (v1), or a <c>data:</c> URL <c>output</c> (v2 before May 2025).
    /// </summary>
    /// <returns>The bytes and their media type.</returns>
    /// <remarks>Today's v2 answers with a link instead: <see cref="BytezModel.RunMediaAsync"/> asks for the bytes (or downloads the link).</remarks>
    /// <exception cref="BytezProtocolException">There is no media, it is only a URL (see <see cref="TryGetOutputUrl"/>), or its base64 is invalid.</exception>
    public BytezMedia GetMedia()
    {
        foreach (var (member, mediaType, what) in (ReadOnlySpan<(string, string, string)>)[("output_png", "image/png", "an image"), ("output_wav", "audio/wav", "audio"), ("output_mp4", "video/mp4", "a video")])
        {
            if (JsonRead.TryGet(RawRepresentation, member, out _))
            {
                return new BytezMedia(GetMedia(member, mediaType[..mediaType.IndexOf('/', StringComparison.Ordinal)], what), mediaType);
            }
        }

        const string Expected = "a top-level 'output_png', 'output_wav' or 'output_mp4' (base64) or a 'data:<type>;base64,' output";
        if (Output is { ValueKind: JsonValueKind.String } output && output.GetString() is { } text && text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var semicolon = text.IndexOf(';', StringComparison.Ordinal);
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            var mediaType = semicolon > 5 && (comma < 0 || semicolon < comma) ? text[5..semicolon] : "application/octet-stream";
            return new BytezMedia(Decode("media", text, "output"), mediaType);
        }

        if (TryGetOutputUrl(out var url))
        {
            throw Shape("media", Expected, $"output is a URL ({url}); BytezModel.RunMediaAsync fetches the bytes, or TryGetOutputUrl reads the link");
        }

        throw Shape("media", Expected, Found(Output));
    }

    /// <summary>
    /// Reads an <c>output</c> that is an absolute http(s) URL, as v2 media generators return (a CDN link to the media).
    /// </summary>
    /// <param name="url">The URL, when the output is one.</param>
    /// <returns><see langword="true"/> when the output is an http(s) URL.</returns>
    public bool TryGetOutputUrl([NotNullWhen(true)] out Uri? url)
    {
        url = null;
        return Output is { ValueKind: JsonValueKind.String } output
            && Uri.TryCreate(output.GetString(), UriKind.Absolute, out url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
    }

    private byte[] GetMedia(string member, string mediaType, string what)
    {
        var expected = $"a top-level '{member}' (base64) or a 'data:{mediaType}/...;base64,' output";
        if (JsonRead.TryGet(RawRepresentation, member, out var top))
        {
            if (top.ValueKind != JsonValueKind.String)
            {
                throw Shape(what, expected, $"'{member}' is {JsonRead.Describe(top)}");
            }

            // Fast path: decode straight from the UTF-8 JSON, without materialising the base64 text as a string (for a
            // 1 MB image that string alone is 2.8 MB). Anything else (a data URL, invalid base64) takes the checked path.
            return top.TryGetBytesFromBase64(out var decoded) ? decoded : Decode(what, top.GetString()!, member);
        }

        if (Output is { ValueKind: JsonValueKind.String } output)
        {
            var text = output.GetString()!;
            if (text.StartsWith($"data:{mediaType}/", StringComparison.OrdinalIgnoreCase))
            {
                return Decode(what, text, "output");
            }

            if (TryGetOutputUrl(out var url))
            {
                throw Shape(what, expected, $"output is a URL ({url}); download it yourself (TryGetOutputUrl reads it)");
            }
        }

        throw Shape(what, expected, Found(Output));
    }

    private byte[] Decode(string what, string text, string path)
    {
        var payload = text;
        if (payload.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = payload.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !payload.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                throw Shape(what, "a base64 data URL (data:<type>;base64,<data>)", $"{path} is a data URL that is not base64");
            }

            payload = payload[(comma + 1)..];
        }

        try
        {
            return Convert.FromBase64String(payload);
        }
        catch (FormatException ex)
        {
            throw new BytezProtocolException(
                $"Unexpected Bytez run result for {what}{Of()}: {path} is not valid base64 ({payload.Length} characters). {TaskHint}",
                HttpStatusCode.OK, null, _modelId, ex);
        }
    }

    /// <summary>
    /// Reads a chat reply straight from a body not parsed yet: v2's <c>output</c> = <c>{role, content}</c>, or the last
    /// message of v1's echoed conversation (<c>output[0].generated_text</c>), with string values; false for any other shape
    /// (or once the DOM exists), which the DOM path then reads.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <returns>Whether it was read.</returns>
    internal bool TryReadOutputMessage([NotNullWhen(true)] out BytezChatMessage? message)
    {
        if (_parsed is null &&
            (RunOutputReader.TryReadMessage(_utf8Json.Span, out var role, out var content) ||
             RunOutputReader.TryReadLastMessage(_utf8Json.Span, out role, out content)))
        {
            message = new BytezChatMessage(role, content);
            return true;
        }

        message = null;
        return false;
    }

    private JsonElement RequireOutput(string what, string expected) =>
        Output ?? throw Shape(what, expected, Found(null));

    private string Found(JsonElement? output) =>
        output is { } value ? $"output is {JsonRead.Describe(value)}" : $"no output member (the body is {JsonRead.Describe(RawRepresentation)})";

    /// <summary>The first element of an array output, or the output itself.</summary>
    private static JsonElement FirstItem(JsonElement output) =>
        output.ValueKind == JsonValueKind.Array && output.GetArrayLength() > 0 ? output[0] : output;

    private static bool IsMessage(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && JsonRead.TryGet(element, "role", out _) && JsonRead.TryGet(element, "content", out _);

    /// <summary>Reads every message; enumerates once (indexing a JsonElement array walks it, which made this quadratic).</summary>
    private BytezChatMessage[] ReadConversation(string what, JsonElement messages)
    {
        var result = new BytezChatMessage[messages.GetArrayLength()];
        var i = 0;
        foreach (var message in messages.EnumerateArray())
        {
            result[i] = ReadMessage(what, message, $"output[0].generated_text[{i}]");
            i++;
        }

        return result;
    }

    /// <summary>Reads only the last message of an echoed conversation: one pass to reach it, one message built.</summary>
    private BytezChatMessage ReadLastMessage(string what, JsonElement messages)
    {
        JsonElement last = default;
        var count = 0;
        foreach (var message in messages.EnumerateArray())
        {
            last = message;
            count++;
        }

        return ReadMessage(what, last, $"output[0].generated_text[{count - 1}]");
    }

    private BytezChatMessage ReadMessage(string what, JsonElement message, string path)
    {
        var role = JsonRead.String(message, "role")
            ?? throw Shape(what, "{role, content} messages", $"{path} is {JsonRead.Describe(message)}");
        return new BytezChatMessage(role, ContentText(JsonRead.TryGet(message, "content", out var content) ? content : default));
    }

    /// <summary>Reads message content: a string, or the text blocks of a content-block array (v2 multimodal).</summary>
    private static string ContentText(JsonElement content)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString()!;
            case JsonValueKind.Array:
                var builder = new StringBuilder();
                foreach (var block in content.EnumerateArray())
                {
                    if (block.ValueKind == JsonValueKind.String)
                    {
                        builder.Append(block.GetString());
                    }
                    else if (JsonRead.String(block, "text") is { } text)
                    {
                        builder.Append(text);
                    }
                }

                return builder.ToString();
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return string.Empty;
            default:
                return content.GetRawText();
        }
    }

    private float[] ToVector(string what, JsonElement array, string path)
    {
        var vector = new float[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            vector[i] = item.ValueKind == JsonValueKind.Number
                ? (float)item.GetDouble()
                : throw Shape(what, "a vector of numbers", $"{path}[{i}] is {JsonRead.Describe(item)}");
            i++;
        }

        return vector;
    }

    /// <summary>Averages the rows of a token-by-dimension matrix (mean pooling, what sentence-transformers does).</summary>
    private float[] MeanPool(string what, JsonElement matrix, string path)
    {
        var rows = matrix.GetArrayLength();
        var sums = new double[matrix[0].GetArrayLength()];
        var r = 0;
        foreach (var row in matrix.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != sums.Length)
            {
                throw Shape(what, $"a matrix whose rows all have {sums.Length} numbers", $"{path}[{r}] is {JsonRead.Describe(row)}");
            }

            var c = 0;
            foreach (var cell in row.EnumerateArray())
            {
                sums[c] += cell.ValueKind == JsonValueKind.Number
                    ? cell.GetDouble()
                    : throw Shape(what, "a matrix of numbers", $"{path}[{r}][{c}] is {JsonRead.Describe(cell)}");
                c++;
            }

            r++;
        }

        var vector = new float[sums.Length];
        for (var c = 0; c < sums.Length; c++)
        {
            vector[c] = (float)(sums[c] / rows);
        }

        return vector;
    }

    private double Score(string what, JsonElement score, string path) => score.ValueKind switch
    {
        JsonValueKind.Number => score.GetDouble(),
        JsonValueKind.Null => double.NaN,
        _ => JsonRead.AsDouble(score) ?? throw Shape(what, "a numeric score", $"{path} is {JsonRead.Describe(score)}"),
    };

    private string Of() => _modelId is null ? string.Empty : $" of '{_modelId}'";

    /// <summary>The DOM of the body and the two members every accessor starts from.</summary>
    private sealed class ParsedBody(JsonElement root)
    {
        public JsonElement Root { get; } = root;

        public JsonElement? Output { get; } = JsonRead.TryGet(root, "output", out var output) && output.ValueKind != JsonValueKind.Null ? output : null;

        public JsonElement? Provider { get; } = JsonRead.TryGet(root, "provider", out var provider) && provider.ValueKind != JsonValueKind.Null ? provider : null;
    }

    private BytezProtocolException Shape(string what, string expected, string found) =>
        new($"Unexpected Bytez run result for {what}{Of()}: expected {expected}, found {_redactor?.Redact(found) ?? found}. {TaskHint}", HttpStatusCode.OK, null, _modelId);
}
