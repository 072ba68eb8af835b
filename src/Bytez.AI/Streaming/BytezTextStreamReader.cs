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
/// <item><c>INTERNAL_BYTEZ_ERROR:</c> anywhere in the text is an error, even when a network read joins it to the text
/// before it or splits it in two (chunk boundaries are arbitrary, wire reference §2.7); the text before it is yielded first.</item>
/// <item>Text that starts with <c>Error: </c> at the start of the stream is an error.</item>
/// <item>A later chunk that starts with <c>Error: </c> is held back: if more data follows it was ordinary text and is
/// yielded; if the stream ends right after it, it was the error.</item>
/// </list>
/// Errors throw <see cref="BytezStreamErrorException"/> with the model's text (the rest of the stream is read first, so
/// the message is complete). An <c>Error: </c> prefix split across two network chunks is not recognised.
/// A body that ends inside a multi-byte UTF-8 character was cut short: it throws <see cref="BytezException"/> rather than
/// ending with a replacement character as if the text were whole.
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

        // The end of the text already yielded, so a marker split across two reads is still found.
        var carry = string.Empty;

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
            if (held is not null)
            {
                // More data followed the held "Error: " chunk, so it was ordinary text.
                yield return held;
                held = null;
            }

            if (FindMarker(carry, piece) is var (before, errorStart))
            {
                if (before.Length > 0)
                {
                    yield return before;
                }

                var rest = await ReadRestAsync(stream, decoder, bytes, chars, cancellationToken).ConfigureAwait(false);
                throw BytezStreamErrors.InBand(call, redact(errorStart + rest)!);
            }

            carry = Tail(carry, piece);
            if (atStart && piece.StartsWith(ErrorPrefix, StringComparison.Ordinal))
            {
                var rest = await ReadRestAsync(stream, decoder, bytes, chars, cancellationToken).ConfigureAwait(false);
                throw BytezStreamErrors.InBand(call, redact(piece + rest)!);
            }

            atStart = false;
            if (piece.StartsWith(ErrorPrefix, StringComparison.Ordinal))
            {
                held = piece;
                continue;
            }

            yield return piece;
        }

        // Complete characters are all decoded already; whatever a flush still produces is a character left unfinished.
        var cutShort = Flush(decoder, chars).Length > 0;
        if (held is not null)
        {
            throw BytezStreamErrors.InBand(call, redact(held)!);
        }

        if (cutShort)
        {
            throw BytezStreamErrors.Truncated(call);
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

    /// <summary>
    /// Finds <see cref="InternalErrorPrefix"/> in <paramref name="piece"/>, or straddling the already-yielded
    /// <paramref name="carry"/> and <paramref name="piece"/>.
    /// </summary>
    /// <returns>The text of the piece before the marker and the error text from the marker on; null when absent.</returns>
    private static (string Before, string Error)? FindMarker(string carry, string piece)
    {
        if (carry.Length > 0)
        {
            var head = piece.AsSpan(0, Math.Min(piece.Length, InternalErrorPrefix.Length - 1));
            var boundary = string.Concat(carry, head).IndexOf(InternalErrorPrefix, StringComparison.Ordinal);
            if (boundary >= 0)
            {
                // The marker began in text already yielded; nothing of this piece is text.
                return (string.Empty, carry[boundary..] + piece);
            }
        }

        var index = piece.IndexOf(InternalErrorPrefix, StringComparison.Ordinal);
        return index < 0 ? null : (piece[..index], piece[index..]);
    }

    /// <summary>The last characters yielded, at most one fewer than the marker's length.</summary>
    private static string Tail(string carry, string piece)
    {
        var keep = InternalErrorPrefix.Length - 1;
        if (piece.Length >= keep)
        {
            return piece[^keep..];
        }

        var joined = carry + piece;
        return joined.Length > keep ? joined[^keep..] : joined;
    }

    private static string Flush(Decoder decoder, char[] chars)
    {
        var count = decoder.GetChars([], 0, 0, chars, 0, flush: true);
        return new string(chars, 0, count);
    }
}
