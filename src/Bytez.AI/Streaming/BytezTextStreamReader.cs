using System.Buffers;
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
/// ending with a replacement character as if the text were whole. Each read waits at most the stream idle timeout
/// (<see cref="BytezClientOptions.StreamIdleTimeout"/>); a stream that stalls longer throws <see cref="BytezException"/>.
/// Error text is redacted of the API key before it is cut to its bound.
/// </remarks>
internal static class BytezTextStreamReader
{
    /// <summary>The in-band error prefix of Bytez's model containers.</summary>
    public const string InternalErrorPrefix = "INTERNAL_BYTEZ_ERROR:";

    /// <summary>The second observed in-band error prefix.</summary>
    public const string ErrorPrefix = "Error: ";

    private const int BufferSize = 8192;

    /// <summary>How much yielded text is kept to find a marker split across reads: one character fewer than the marker.</summary>
    private const int MarkerTail = 20;
    private const int MaxErrorTailChars = 4096;

    public static async IAsyncEnumerable<string> ReadAsync(
        Stream stream, BytezCall call, BytezRedactor redactor, StreamIdleGuard idle, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();

        // Pooled: a stream is short-lived, and these two buffers (24 KB) were most of what a streamed call allocated.
        var bytes = ArrayPool<byte>.Shared.Rent(BufferSize);
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        try
        {
            var atStart = true;
            string? held = null;

            // The end of the text already yielded, so a marker split across two reads is still found. Kept in a small
            // buffer rather than as strings: a stream has hundreds of pieces and this runs for each.
            var carry = new char[MarkerTail];
            var carryLength = 0;
            var scratch = new char[2 * MarkerTail];

            while (true)
            {
                var read = await ReadChunkAsync(stream, bytes, call, redactor, idle, cancellationToken).ConfigureAwait(false);
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

                if (FindMarker(carry.AsSpan(0, carryLength), piece, scratch) is var (before, errorStart))
                {
                    if (before.Length > 0)
                    {
                        yield return before;
                    }

                    throw BytezStreamErrors.InBand(call, await ReadErrorAsync(errorStart, stream, decoder, bytes, chars, redactor, idle).ConfigureAwait(false));
                }

                carryLength = Tail(carry, carryLength, piece);
                if (atStart && piece.StartsWith(ErrorPrefix, StringComparison.Ordinal))
                {
                    throw BytezStreamErrors.InBand(call, await ReadErrorAsync(piece, stream, decoder, bytes, chars, redactor, idle).ConfigureAwait(false));
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
                throw BytezStreamErrors.InBand(call, redactor.Redact(held)!);
            }

            if (cutShort)
            {
                throw BytezStreamErrors.Truncated(call);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static async ValueTask<int> ReadChunkAsync(
        Stream stream, byte[] buffer, BytezCall call, BytezRedactor redactor, StreamIdleGuard idle, CancellationToken cancellationToken)
    {
        try
        {
            return await idle.ReadAsync(stream, buffer).ConfigureAwait(false);
        }
        catch (StreamIdleException ex)
        {
            throw BytezStreamErrors.Stalled(call, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // The caller's cancellation wins over whatever the aborted read reported.
            cancellationToken.ThrowIfCancellationRequested();
            throw BytezStreamErrors.Interrupted(call, ex, redactor.Redact(ex.Message));
        }
    }

    /// <summary>
    /// Reads what is left of an erroring stream, so the error message is whole: up to <see cref="MaxErrorTailChars"/>
    /// characters, plus the key's length so that a key straddling that bound is redacted whole before the text is cut.
    /// </summary>
    private static async Task<string> ReadErrorAsync(
        string start, Stream stream, Decoder decoder, byte[] bytes, char[] chars, BytezRedactor redactor, StreamIdleGuard idle)
    {
        var text = new StringBuilder(start);
        try
        {
            while (text.Length < MaxErrorTailChars + redactor.Margin)
            {
                var read = await idle.ReadAsync(stream, bytes).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                text.Append(chars, 0, count);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or StreamIdleException)
        {
            // The in-band error is what the caller needs to see; a broken or stalled connection after it adds nothing.
        }

        text.Append(Flush(decoder, chars));
        return redactor.Cut(text.ToString(), MaxErrorTailChars);
    }

    /// <summary>
    /// Finds <see cref="InternalErrorPrefix"/> in <paramref name="piece"/>, or straddling the already-yielded
    /// <paramref name="carry"/> and <paramref name="piece"/>.
    /// </summary>
    /// <returns>The text of the piece before the marker and the error text from the marker on; null when absent.</returns>
    private static (string Before, string Error)? FindMarker(ReadOnlySpan<char> carry, string piece, char[] scratch)
    {
        if (carry.Length > 0)
        {
            // The carry is shorter than the marker, so a marker found here began in text already yielded.
            var head = piece.AsSpan(0, Math.Min(piece.Length, MarkerTail));
            carry.CopyTo(scratch);
            head.CopyTo(scratch.AsSpan(carry.Length));
            var boundary = scratch.AsSpan(0, carry.Length + head.Length).IndexOf(InternalErrorPrefix, StringComparison.Ordinal);
            if (boundary >= 0)
            {
                // Nothing of this piece is text.
                return (string.Empty, string.Concat(carry[boundary..], piece));
            }
        }

        var index = piece.IndexOf(InternalErrorPrefix, StringComparison.Ordinal);
        return index < 0 ? null : (piece[..index], piece[index..]);
    }

    /// <summary>Keeps the last characters yielded, at most <see cref="MarkerTail"/>, in <paramref name="carry"/>.</summary>
    /// <returns>The new carry length.</returns>
    private static int Tail(char[] carry, int carryLength, string piece)
    {
        if (piece.Length >= MarkerTail)
        {
            piece.AsSpan(piece.Length - MarkerTail).CopyTo(carry);
            return MarkerTail;
        }

        var fromCarry = Math.Min(carryLength, MarkerTail - piece.Length);
        carry.AsSpan(carryLength - fromCarry, fromCarry).CopyTo(carry);
        piece.AsSpan().CopyTo(carry.AsSpan(fromCarry));
        return fromCarry + piece.Length;
    }

    private static string Flush(Decoder decoder, char[] chars)
    {
        var count = decoder.GetChars([], 0, 0, chars, 0, flush: true);
        return new string(chars, 0, count);
    }
}
