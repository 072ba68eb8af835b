using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bytez.AI.Benchmarks.Scenarios;

/// <summary>
/// The floor: what a careful developer would write by hand with <see cref="HttpClient"/>. The body is written with
/// <see cref="Utf8JsonWriter"/> into a buffer and the answer is scanned with <see cref="Utf8JsonReader"/>; no
/// error mapping, no lifecycle, no DOM. It does the work the client does on a successful call: the same request body
/// (v1: <c>model</c>, <c>stream</c>, <c>params</c>, <c>input</c> to <c>model/run</c>; v2: <c>messages</c> or
/// <c>text</c>, and <c>stream</c> when streaming, to <c>models/v2/{model}</c>), the status checked, and on v2 the
/// envelope's <c>error</c> checked before the <c>output</c> is read into a string.
/// </summary>
public sealed class RawBytez : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly Uri _runUri;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly bool _v2;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _v2RunUris = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="RawBytez"/> class.</summary>
    /// <param name="endpoint">The API base address.</param>
    /// <param name="apiKey">The key.</param>
    /// <param name="handler">The handler to use; a new <see cref="SocketsHttpHandler"/> when null.</param>
    /// <param name="apiVersion">The API generation whose requests it writes and whose answers it reads.</param>
    public RawBytez(Uri endpoint, string apiKey, HttpMessageHandler? handler = null, BytezApiVersion apiVersion = BytezApiVersion.V1)
    {
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true);
        _endpoint = endpoint;
        _runUri = new Uri(endpoint, "model/run");
        _authorization = new AuthenticationHeaderValue("Key", apiKey);
        _v2 = apiVersion == BytezApiVersion.V2;
    }

    /// <summary>Runs a chat model once and returns the content of the last message of <c>output[0].generated_text</c>.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="userText">The user message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reply text.</returns>
    public Task<string> ChatAsync(string modelId, string userText, CancellationToken cancellationToken = default) =>
        ChatAsync(modelId, [("user", userText)], cancellationToken);

    /// <summary>Runs a chat model once with a conversation and returns the content of the last message it answers.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="messages">The conversation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reply text.</returns>
    public async Task<string> ChatAsync(string modelId, IReadOnlyList<(string Role, string Content)> messages, CancellationToken cancellationToken = default)
    {
        using var request = Request(modelId, stream: false, writer => WriteMessages(writer, messages));
        var bytes = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return _v2 ? V2Content(bytes) : LastContent(bytes);
    }

    /// <summary>Streams a chat model's reply as raw UTF-8 text.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="userText">The user message.</param>
    /// <param name="onUpdate">Called as each piece of text reaches the caller.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The text and timings.</returns>
    public Task<StreamResult> StreamAsync(string modelId, string userText, Action? onUpdate = null, CancellationToken cancellationToken = default) =>
        StreamAsync(modelId, [("user", userText)], onUpdate, cancellationToken);

    /// <summary>Streams a chat model's reply to a conversation as raw UTF-8 text.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="messages">The conversation.</param>
    /// <param name="onUpdate">Called as each piece of text reaches the caller.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The text and timings.</returns>
    public async Task<StreamResult> StreamAsync(
        string modelId, IReadOnlyList<(string Role, string Content)> messages, Action? onUpdate = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var text = new StringBuilder();
        long firstUpdate = 0;
        var updates = 0;
        await foreach (var (chars, count) in DecodedReadsAsync(modelId, messages, cancellationToken).ConfigureAwait(false))
        {
            onUpdate?.Invoke();
            firstUpdate = firstUpdate == 0 ? Stopwatch.GetTimestamp() : firstUpdate;
            updates++;
            text.Append(chars, 0, count);
        }

        return new StreamResult(text.ToString(), updates, Stopwatch.GetElapsedTime(started, firstUpdate), Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Streams a reply and yields each network read decoded as a new string, keeping nothing: what a caller that hands
    /// text pieces on gets (the shape of <c>BytezModel.RunStreamingAsync</c>), for the streaming-memory measurement.
    /// </summary>
    /// <param name="modelId">The model.</param>
    /// <param name="userText">The user message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pieces.</returns>
    public async IAsyncEnumerable<string> StreamPiecesAsync(string modelId, string userText, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (chars, count) in DecodedReadsAsync(modelId, [("user", userText)], cancellationToken).ConfigureAwait(false))
        {
            yield return new string(chars, 0, count);
        }
    }

    /// <summary>Embeds one text and returns every number of <c>output</c> (a flat vector or <c>[vector]</c>).</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The vector.</returns>
    public async Task<float[]> EmbedAsync(string modelId, string text, CancellationToken cancellationToken = default)
    {
        using var request = Request(modelId, stream: false, writer => writer.WriteString(_v2 ? "text" : "input", text));
        var bytes = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var vector = new List<float>(384);
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                ThrowIfError(ref reader);
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("output"u8))
            {
                reader.Read();
                var depth = reader.CurrentDepth;
                while (reader.Read() && reader.CurrentDepth > depth)
                {
                    if (reader.TokenType == JsonTokenType.Number)
                    {
                        vector.Add(reader.GetSingle());
                    }
                }

                break;
            }
        }

        return [.. vector];
    }

    /// <summary>Embeds texts one after the other.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="texts">The texts.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The vectors, in order.</returns>
    public async Task<float[][]> EmbedManyAsync(string modelId, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            vectors[i] = await EmbedAsync(modelId, texts[i], cancellationToken).ConfigureAwait(false);
        }

        return vectors;
    }

    /// <summary>Runs a text-to-image model and decodes the top-level <c>output_png</c>.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="prompt">The prompt.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The PNG bytes.</returns>
    public async Task<byte[]> ImageAsync(string modelId, string prompt, CancellationToken cancellationToken = default)
    {
        if (_v2)
        {
            throw new NotSupportedException("The image scenario reads v1's output_png; v2 answers a link or raw bytes.");
        }

        using var request = Request(modelId, stream: false, writer => writer.WriteString("input", prompt));
        var bytes = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("output_png"u8))
            {
                reader.Read();
                var base64 = reader.ValueSpan;
                var png = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
                if (Base64.DecodeFromUtf8(base64, png, out _, out var written) != OperationStatus.Done)
                {
                    throw new InvalidDataException("output_png is not valid base64.");
                }

                return png.AsSpan(0, written).ToArray();
            }
        }

        throw new InvalidDataException("No output_png in the answer.");
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Sends a streaming run and decodes each network read into a pooled buffer (valid until the next item): the
    /// smallest loop that turns a raw text stream into characters.
    /// </summary>
    private async IAsyncEnumerable<(char[] Chars, int Count)> DecodedReadsAsync(
        string modelId, IReadOnlyList<(string Role, string Content)> messages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = Request(modelId, stream: true, writer => WriteMessages(writer, messages));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var decoder = Encoding.UTF8.GetDecoder();
            var bytes = ArrayPool<byte>.Shared.Rent(8192);
            var chars = ArrayPool<char>.Shared.Rent(8192);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(bytes.AsMemory(0, 8192), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                    if (count > 0)
                    {
                        yield return (chars, count);
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }

    private static string LastContent(byte[] bytes)
    {
        // output[0].generated_text is the conversation; the reply is the content of its last message. Only the last
        // content is turned into a string (an echoed history of thousands of messages allocates nothing else).
        var reader = new Utf8JsonReader(bytes);
        var (start, length, escaped, found) = (0, 0, false, false);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                (start, length, escaped, found) = ((int)reader.TokenStartIndex, reader.ValueSpan.Length, reader.ValueIsEscaped, true);
            }
        }

        if (!found)
        {
            throw new InvalidDataException("No message content in the answer.");
        }

        if (!escaped)
        {
            return Encoding.UTF8.GetString(bytes, start + 1, length);
        }

        // Escaped text: read that one string token again and let the reader unescape it.
        var value = new Utf8JsonReader(bytes.AsSpan(start, length + 2));
        value.Read();
        return value.GetString()!;
    }

    /// <summary>
    /// Reads a v2 chat answer, <c>{"error": null, "output": {"role": "assistant", "content": "..."}}</c>: throws on an
    /// error, returns the output's content (a top-level string output is returned as it is).
    /// </summary>
    private static string V2Content(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                ThrowIfError(ref reader);
            }
            else if (reader.ValueTextEquals("output"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString()!;
                }

                while (reader.Read() && reader.CurrentDepth > 1)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2 && reader.ValueTextEquals("content"u8))
                    {
                        reader.Read();
                        return reader.GetString()!;
                    }
                }
            }
        }

        throw new InvalidDataException("No output content in the answer.");
    }

    private static void ThrowIfError(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Null)
        {
            throw new InvalidDataException("The answer has an error: " + (reader.TokenType == JsonTokenType.String ? reader.GetString() : "(not a string)"));
        }
    }

    private void WriteMessages(Utf8JsonWriter writer, IReadOnlyList<(string Role, string Content)> messages)
    {
        writer.WriteStartArray(_v2 ? "messages" : "input");
        foreach (var (role, content) in messages)
        {
            writer.WriteStartObject();
            writer.WriteString("role", role);
            writer.WriteString("content", content);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private HttpRequestMessage Request(string modelId, bool stream, Action<Utf8JsonWriter> writeInput)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (_v2)
            {
                // v2: the model is in the path; the input's explicit field, then stream only when streaming (as the client writes it).
                writeInput(writer);
                if (stream)
                {
                    writer.WriteBoolean("stream", true);
                }
            }
            else
            {
                writer.WriteString("model", modelId);
                writer.WriteBoolean("stream", stream);
                writer.WriteStartObject("params");
                writer.WriteEndObject();
                writeInput(writer);
            }

            writer.WriteEndObject();
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var uri = _v2 ? _v2RunUris.GetOrAdd(modelId, static (id, endpoint) => new Uri(endpoint, "models/v2/" + id), _endpoint) : _runUri;
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Authorization = _authorization;
        return request;
    }

    private async Task<byte[]> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }
}
