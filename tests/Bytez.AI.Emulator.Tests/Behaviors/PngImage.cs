using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Bytez.AI.Emulator.Behaviors.Media;

namespace Bytez.AI.Emulator.Tests.Behaviors;

/// <summary>A strict PNG reader for the tests: checks the signature, chunk order and CRCs, inflates IDAT and undoes the filters.</summary>
internal sealed record PngImage(int Width, int Height, int ColorType, byte[] Pixels, List<string> Chunks)
{
    public int BytesPerPixel => ColorType == 6 ? 4 : 1;

    public static PngImage Read(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = new List<string>();
        int width = 0, height = 0, colorType = -1;
        using var idat = new MemoryStream();
        int offset = 8;
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            ReadOnlySpan<byte> typeAndData = png.AsSpan(offset + 4, 4 + length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32.Compute(typeAndData), crc);
            ReadOnlySpan<byte> data = png.AsSpan(offset + 8, length);
            chunks.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                colorType = data[9];
                Assert.Equal(0, data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            offset += 12 + length;
        }

        Assert.Equal(png.Length, offset);
        Assert.Equal("IHDR", chunks[0]);
        Assert.Equal("IEND", chunks[^1]);
        Assert.Contains("IDAT", chunks);

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        byte[] filtered = raw.ToArray();

        int bpp = colorType == 6 ? 4 : 1;
        int stride = width * bpp;
        Assert.Equal(height * (stride + 1), filtered.Length);
        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            byte filter = filtered[y * (stride + 1)];
            for (int x = 0; x < stride; x++)
            {
                byte value = filtered[(y * (stride + 1)) + 1 + x];
                byte left = x >= bpp ? pixels[(y * stride) + x - bpp] : (byte)0;
                byte up = y > 0 ? pixels[((y - 1) * stride) + x] : (byte)0;
                pixels[(y * stride) + x] = filter switch
                {
                    0 => value,
                    1 => (byte)(value + left),
                    2 => (byte)(value + up),
                    _ => throw new Xunit.Sdk.XunitException($"unexpected filter {filter}"),
                };
            }
        }

        return new PngImage(width, height, colorType, pixels, chunks);
    }
}
