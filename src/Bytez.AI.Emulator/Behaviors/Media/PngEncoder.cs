using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Bytez.AI.Emulator.Behaviors.Media;

/// <summary>
/// A minimal PNG writer: signature, <c>IHDR</c>, one zlib-compressed <c>IDAT</c> (every row uses the Sub filter,
/// which suits the emulator's gradients), <c>IEND</c>, each with its CRC-32. 8-bit RGBA or 8-bit grayscale.
/// </summary>
internal static class PngEncoder
{
    private const int MaxDimension = 16384;
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes 8-bit RGBA pixels (row-major, 4 bytes per pixel) as a PNG file.</summary>
    /// <param name="width">The width in pixels (1 to 16384).</param>
    /// <param name="height">The height in pixels (1 to 16384).</param>
    /// <param name="rgba">Exactly <c>width * height * 4</c> bytes.</param>
    /// <returns>The PNG file bytes.</returns>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgba) => EncodeCore(width, height, rgba, bytesPerPixel: 4, colorType: 6);

    /// <summary>Encodes 8-bit grayscale pixels (row-major, 1 byte per pixel) as a PNG file.</summary>
    /// <param name="width">The width in pixels (1 to 16384).</param>
    /// <param name="height">The height in pixels (1 to 16384).</param>
    /// <param name="gray">Exactly <c>width * height</c> bytes.</param>
    /// <returns>The PNG file bytes.</returns>
    public static byte[] EncodeGrayscale(int width, int height, ReadOnlySpan<byte> gray) => EncodeCore(width, height, gray, bytesPerPixel: 1, colorType: 0);

    private static byte[] EncodeCore(int width, int height, ReadOnlySpan<byte> pixels, int bytesPerPixel, byte colorType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxDimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxDimension);
        int stride = width * bytesPerPixel;
        if (pixels.Length != stride * height)
        {
            throw new ArgumentException($"Expected {stride * height} pixel bytes for {width}x{height}, got {pixels.Length}.", nameof(pixels));
        }

        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = colorType;
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR", header);

        WriteChunk(output, "IDAT", Compress(pixels, stride, height, bytesPerPixel));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Compress(ReadOnlySpan<byte> pixels, int stride, int height, int bytesPerPixel)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[stride + 1];
            row[0] = 1; // Sub filter: each byte minus the byte one pixel to its left.
            for (int y = 0; y < height; y++)
            {
                ReadOnlySpan<byte> source = pixels.Slice(y * stride, stride);
                for (int x = 0; x < stride; x++)
                {
                    byte left = x >= bytesPerPixel ? source[x - bytesPerPixel] : (byte)0;
                    row[x + 1] = (byte)(source[x] - left);
                }

                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);

        Span<byte> typeBytes = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, typeBytes);
        output.Write(typeBytes);
        output.Write(data);

        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Append(Crc32.Compute(typeBytes), data));
        output.Write(crc);
    }
}
