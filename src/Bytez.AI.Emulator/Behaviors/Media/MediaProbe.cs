using System.Buffers.Binary;
using System.Text;

namespace Bytez.AI.Emulator.Behaviors.Media;

/// <summary>Reads just enough of PNG, JPEG and WAV headers to make emulated outputs fit the input.</summary>
internal static class MediaProbe
{
    /// <summary>The pixel size of a PNG or baseline/progressive JPEG, or null.</summary>
    public static (int Width, int Height)? ImageSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G'
            && bytes[12] == (byte)'I' && bytes[13] == (byte)'H' && bytes[14] == (byte)'D' && bytes[15] == (byte)'R')
        {
            int w = BinaryPrimitives.ReadInt32BigEndian(bytes[16..]);
            int h = BinaryPrimitives.ReadInt32BigEndian(bytes[20..]);
            return w > 0 && h > 0 ? (w, h) : null;
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            return JpegSize(bytes);
        }

        return null;
    }

    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.Length >= 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G';

    /// <summary>Parses a RIFF/WAVE file's <c>fmt </c>, <c>data</c> and <c>LIST/INFO/ICMT</c> chunks, or returns null.</summary>
    public static WavInfo? Wav(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !Tag(bytes, 0, "RIFF") || !Tag(bytes, 8, "WAVE"))
        {
            return null;
        }

        int sampleRate = 0, channels = 0, bits = 0, dataLength = 0;
        bool silent = true, hasData = false;
        string? comment = null;
        int offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes[(offset + 4)..]);
            if (size < 0)
            {
                return null;
            }

            int body = offset + 8;
            int available = Math.Min(size, bytes.Length - body);
            ReadOnlySpan<byte> chunk = bytes.Slice(body, available);
            if (Tag(bytes, offset, "fmt ") && chunk.Length >= 16)
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(chunk[2..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(chunk[4..]);
                bits = BinaryPrimitives.ReadInt16LittleEndian(chunk[14..]);
            }
            else if (Tag(bytes, offset, "data"))
            {
                hasData = true;
                dataLength = available;
                silent = !chunk.ContainsAnyExcept((byte)0);
            }
            else if (Tag(bytes, offset, "LIST") && chunk.Length >= 4 && Tag(chunk, 0, "INFO"))
            {
                comment = InfoComment(chunk[4..]) ?? comment;
            }

            offset = body + size + (size & 1);
        }

        return sampleRate > 0 && hasData ? new WavInfo(sampleRate, channels, bits, dataLength, silent, comment) : null;
    }

    private static string? InfoComment(ReadOnlySpan<byte> items)
    {
        int offset = 0;
        while (offset + 8 <= items.Length)
        {
            int size = BinaryPrimitives.ReadInt32LittleEndian(items[(offset + 4)..]);
            if (size < 0 || offset + 8 + size > items.Length)
            {
                return null;
            }

            if (Tag(items, offset, "ICMT"))
            {
                return Encoding.UTF8.GetString(items.Slice(offset + 8, size)).TrimEnd('\0');
            }

            offset += 8 + size + (size & 1);
        }

        return null;
    }

    private static (int, int)? JpegSize(ReadOnlySpan<byte> bytes)
    {
        int offset = 2;
        while (offset + 9 < bytes.Length)
        {
            if (bytes[offset] != 0xFF)
            {
                return null;
            }

            byte marker = bytes[offset + 1];
            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 2)..]);
            bool startOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (startOfFrame)
            {
                int h = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 5)..]);
                int w = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 7)..]);
                return w > 0 && h > 0 ? (w, h) : null;
            }

            offset += 2 + length;
        }

        return null;
    }

    private static bool Tag(ReadOnlySpan<byte> bytes, int offset, string tag) =>
        offset + 4 <= bytes.Length && bytes[offset] == tag[0] && bytes[offset + 1] == tag[1] && bytes[offset + 2] == tag[2] && bytes[offset + 3] == tag[3];
}
