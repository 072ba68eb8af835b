using System.Runtime.CompilerServices;
using System.Text;
using Bytez.AI.Http;

namespace Bytez.AI.Streaming;

/// <summary>
/// Reads a Bytez text stream: a raw UTF-8 body with no framing (it is not SSE, even when labelled
/// <c>text/event-stream</c>). Each network read is decoded with a stateful decoder, so a character split across reads
/// is never broken, and yielded at once.
/// </summary>
/// <remarks>
/// In-band errors: a model that fails after the HTTP status was sent writes an error into the text and ends the stream.
/// <list type="bullet">
/// <item>Text from <c>INTERNAL_BYTEZ_ERROR:</c> on is an error, wherever it appears in a network read (the text before it is yielded).</item>
/// <item>Text that starts with <c>Error: </c> at the start of the stream is an error.</item>
/// <item>A later chunk that starts with <c>Error: </c> is held back: if more data follows it was ordinary text and is
/// yielded; if the stream ends right after it, it was the error.</item>
/// </list>
/// Errors throw <see cref="BytezStreamErrorException"/> with the model's text (the rest of the stream is read first, so
/// the message is complete). A prefix split across two network chunks is not recognised. A stream that ends inside a
/// multi-byte character was cut off and throws <see cref="BytezException"/>.
/// </remarks>
internal static class BytezTextStreamReader
{
    /// <summary>The in-band error prefix of Bytez's model containers.</summary>
    public const string InternalErrorPrefix = "INTERNAL_BYTEZ_ERROR:";

    /// <summary>The second observed in-band error prefix.</summary>
    public const string ErrorPrefix = "Error: ";

    private const int BufferSize = 8192;
    private const int MaxErrorTailChars = 4096;

    public static async IAsyncEnumerable<string> ReadAsync(
        Stream stream, BytezCall call, Func<string?, string?> redact, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
        var bytes = new byte[BufferSize];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(BufferSize)];
        var atStart = true;
        string? held = null;

        while (true)
        {
            var read = await ReadChunkAsync(stream, bytes, call, redact, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            if (count == 0)
            {
                // Only the first bytes of a multi-byte character: wait for the rest.
                continue;
            }

            var piece = new string(chars, 0, count);

            // One read can join the model's last text and the error chunk that followed it (both were already in the
            // socket buffer), so the container's marker is looked for anywhere in the read, not only at its start.
            string? error = null;
            var marker = piece.IndexOf(InternalErrorPrefix, StringComparison.Ordinal);
            if (marker > 0)
            {
                error = piece[marker..];
                piece = piece[..marker];
            }

            if (held is not null)
            {
                // More data followed the held "Error: " chunk, so it was ordinary text.
                yield return held;
                held = null;
            }

            if (piece.StartsWith(InternalErrorPrefix, StringComparison.Ordinal) || (atStart && piece.StartsWith(ErrorPrefix, StringComparison.Ordinal)))
            {
                var rest = await ReadRestAsync(stream, decoder, bytes, chars, cancellationToken).ConfigureAwait(false);
                throw BytezStreamErrors.InBand(call, redact(piece + error + rest)!);
            }

            atStart = false;
            if (error is not null)
            {
                yield return piece;
                var rest = await ReadRestAsync(stream, decoder, bytes, chars, cancellationToken).ConfigureAwait(false);
                throw BytezStreamErrors.InBand(call, redact(error + rest)!);
            }
            if (piece.StartsWith(ErrorPrefix, StringComparison.Ordinal))
            {
                held = piece;
                continue;
            }

            yield return piece;
        }

        // Bytez streams whole characters, so bytes of an unfinished character at the end mean the body was cut off;
        // handing out U+FFFD instead would end the stream silently with damaged text.
        var truncated = decoder.GetCharCount([], 0, 0, flush: true) > 0;
        var tail = Flush(decoder, chars);
        if (held is not null)
        {
            throw BytezStreamErrors.InBand(call, redact(held + tail)!);
        }

        if (truncated)
        {
            throw BytezStreamErrors.Truncated(call);
        }

        if (tail.Length > 0)
        {
            yield return tail;
        }
    }

    private static async ValueTask<int> ReadChunkAsync(
        Stream stream, byte[] buffer, BytezCall call, Func<string?, string?> redact, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // The caller's cancellation wins over whatever the aborted read reported.
            cancellationToken.ThrowIfCancellationRequested();
            throw BytezStreamErrors.Interrupted(call, ex, redact(ex.Message));
        }
    }

    /// <summary>Reads what is left of an erroring stream (bounded), so the error message is whole.</summary>
    private static async Task<string> ReadRestAsync(Stream stream, Decoder decoder, byte[] bytes, char[] chars, CancellationToken cancellationToken)
    {
        var rest = new StringBuilder();
        try
        {
            while (rest.Length < MaxErrorTailChars)
            {
                var read = await stream.ReadAsync(bytes, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                rest.Append(chars, 0, count);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The in-band error is what the caller needs to see; a broken connection after it adds nothing.
        }

        rest.Append(Flush(decoder, chars));
        return rest.ToString();
    }

    private static string Flush(Decoder decoder, char[] chars)
    {
        var count = decoder.GetChars([], 0, 0, chars, 0, flush: true);
        return new string(chars, 0, count);
    }
}
