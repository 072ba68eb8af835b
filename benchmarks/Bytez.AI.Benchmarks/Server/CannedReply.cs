using System.Globalization;
using System.Text;

namespace Bytez.AI.Benchmarks.Server;

/// <summary>
/// One answer of the <see cref="FixedReplyServer"/>, rendered to bytes once: the status line and headers, then the body
/// as blocks that are written as they are (a block may be written several times in a row, so a 50 MB stream needs
/// 64 KB of memory, not 50 MB).
/// </summary>
public sealed class CannedReply
{
    /// <summary>The content type of a Bytez text stream: the containers label raw text as an event stream (wire reference §2.7).</summary>
    public const string TextStreamContentType = "text/event-stream; charset=utf-8";

    /// <summary>The content type of an OpenAI server-sent-event stream.</summary>
    public const string SseContentType = "text/event-stream; charset=utf-8";

    private const int CoalescedBlockBytes = 64 * 1024;

    private CannedReply(byte[] head, (ReadOnlyMemory<byte> Bytes, int Repeat)[] blocks, long bodyBytes)
    {
        Head = head;
        Blocks = blocks;
        BodyBytes = bodyBytes;
    }

    /// <summary>Gets the status line and headers, ending with the blank line.</summary>
    internal ReadOnlyMemory<byte> Head { get; }

    /// <summary>Gets the body as it goes on the wire (with chunk framing for a stream), in order.</summary>
    internal (ReadOnlyMemory<byte> Bytes, int Repeat)[] Blocks { get; }

    /// <summary>Gets the length of the body's content (without chunk framing).</summary>
    public long BodyBytes { get; }

    /// <summary>Creates a JSON answer with a <c>Content-Length</c>.</summary>
    /// <param name="json">The UTF-8 JSON body.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <returns>The reply.</returns>
    public static CannedReply Json(byte[] json, int statusCode = 200)
    {
        ArgumentNullException.ThrowIfNull(json);
        var head = RenderHead(statusCode, "application/json", $"Content-Length: {json.Length.ToString(CultureInfo.InvariantCulture)}");

        // One write: head and body together.
        var whole = new byte[head.Length + json.Length];
        head.CopyTo(whole, 0);
        json.CopyTo(whole, head.Length);
        return new CannedReply(Array.Empty<byte>(), [(whole, 1)], json.Length);
    }

    /// <summary>Creates a chunked stream: one HTTP chunk per piece, in order.</summary>
    /// <param name="pieces">The pieces (UTF-8 text or SSE events).</param>
    /// <param name="contentType">The content type.</param>
    /// <returns>The reply.</returns>
    public static CannedReply Stream(IEnumerable<string> pieces, string contentType = TextStreamContentType)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        using var body = new MemoryStream();
        long length = 0;
        foreach (var piece in pieces)
        {
            var bytes = Encoding.UTF8.GetBytes(piece);
            WriteChunk(body, bytes);
            length += bytes.Length;
        }

        body.Write("0\r\n\r\n"u8);
        return new CannedReply(RenderHead(200, contentType, "Transfer-Encoding: chunked"), [(body.ToArray(), 1)], length);
    }

    /// <summary>
    /// Creates a chunked stream of <paramref name="count"/> copies of one piece (for very long streams): the piece is
    /// framed once, copies are coalesced into writes of about 64 KB.
    /// </summary>
    /// <param name="piece">The piece.</param>
    /// <param name="count">How many times it is sent.</param>
    /// <param name="contentType">The content type.</param>
    /// <returns>The reply.</returns>
    public static CannedReply RepeatedStream(string piece, int count, string contentType = TextStreamContentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(piece);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var bytes = Encoding.UTF8.GetBytes(piece);
        using var one = new MemoryStream();
        WriteChunk(one, bytes);
        var framed = one.ToArray();

        var perBlock = Math.Max(1, Math.Min(count, CoalescedBlockBytes / framed.Length));
        var block = new byte[framed.Length * perBlock];
        for (var i = 0; i < perBlock; i++)
        {
            framed.CopyTo(block, i * framed.Length);
        }

        var blocks = new List<(ReadOnlyMemory<byte>, int)> { (block, count / perBlock) };
        if (count % perBlock > 0)
        {
            blocks.Add((block.AsMemory(0, framed.Length * (count % perBlock)), 1));
        }

        blocks.Add(("0\r\n\r\n"u8.ToArray(), 1));
        return new CannedReply(RenderHead(200, contentType, "Transfer-Encoding: chunked"), [.. blocks], (long)bytes.Length * count);
    }

    private static byte[] RenderHead(int statusCode, string contentType, string framing) =>
        Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {statusCode} {(statusCode == 200 ? "OK" : "Status")}\r\nContent-Type: {contentType}\r\n{framing}\r\n\r\n"));

    private static void WriteChunk(MemoryStream body, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            // A zero-length chunk would end the stream.
            return;
        }

        body.Write(Encoding.ASCII.GetBytes(bytes.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
        body.Write(bytes);
        body.Write("\r\n"u8);
    }
}
