namespace Bytez.AI.Protocol;

/// <summary>
/// Names the type of media bytes: the server's <c>Content-Type</c> when it says something specific, else the type the
/// bytes' signature shows (the content type of <c>"json": false</c> answers is not documented, §9).
/// </summary>
internal static class MediaTypes
{
    public const string OctetStream = "application/octet-stream";

    public static string Resolve(string? contentType, ReadOnlySpan<byte> bytes) =>
        contentType is { Length: > 0 } && !contentType.Equals(OctetStream, StringComparison.OrdinalIgnoreCase)
            && !contentType.Equals("binary/octet-stream", StringComparison.OrdinalIgnoreCase)
            ? contentType.ToLowerInvariant()
            : Sniff(bytes);

    /// <summary>Recognises the common image, audio and video signatures.</summary>
    public static string Sniff(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return "image/png";
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (b.StartsWith("GIF8"u8))
        {
            return "image/gif";
        }

        if (b.Length >= 12 && b.StartsWith("RIFF"u8))
        {
            var form = b.Slice(8, 4);
            return form.SequenceEqual("WAVE"u8) ? "audio/wav" : form.SequenceEqual("WEBP"u8) ? "image/webp" : OctetStream;
        }

        if (b.Length >= 8 && b.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return "video/mp4";
        }

        if (b.StartsWith("ID3"u8) || (b.Length >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0))
        {
            return "audio/mpeg";
        }

        if (b.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        return b.StartsWith("fLaC"u8) ? "audio/flac" : OctetStream;
    }
}
