using System.Buffers.Binary;
using System.Text;

namespace Bytez.AI.Emulator.Behaviors.Media;

/// <summary>Writes 16-bit PCM mono WAV files (RIFF: <c>fmt </c>, optional <c>LIST/INFO/ICMT</c> comment, <c>data</c>).</summary>
internal static class WavEncoder
{
    /// <summary>Encodes 16-bit mono samples as a WAV file.</summary>
    /// <param name="sampleRate">Samples per second, for example 16000.</param>
    /// <param name="samples">The samples.</param>
    /// <param name="comment">Optional text stored in a standard <c>LIST/INFO/ICMT</c> chunk (players ignore it; the emulator's speech recogniser reads it back).</param>
    /// <returns>The WAV file bytes.</returns>
    public static byte[] EncodePcm16Mono(int sampleRate, ReadOnlySpan<short> samples, string? comment = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        byte[] info = comment is null ? [] : InfoChunk(comment);
        int dataBytes = samples.Length * 2;
        int riffSize = 4 + (8 + 16) + info.Length + 8 + dataBytes + (dataBytes & 1);

        var wav = new byte[8 + riffSize];
        Span<byte> s = wav;
        WriteTag(s, "RIFF");
        BinaryPrimitives.WriteInt32LittleEndian(s[4..], riffSize);
        WriteTag(s[8..], "WAVE");

        WriteTag(s[12..], "fmt ");
        BinaryPrimitives.WriteInt32LittleEndian(s[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(s[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(s[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(s[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(s[28..], sampleRate * 2); // byte rate
        BinaryPrimitives.WriteInt16LittleEndian(s[32..], 2); // block align
        BinaryPrimitives.WriteInt16LittleEndian(s[34..], 16); // bits per sample

        int offset = 36;
        info.CopyTo(s[offset..]);
        offset += info.Length;

        WriteTag(s[offset..], "data");
        BinaryPrimitives.WriteInt32LittleEndian(s[(offset + 4)..], dataBytes);
        offset += 8;
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(s[(offset + (2 * i))..], samples[i]);
        }

        return wav;
    }

    private static byte[] InfoChunk(string comment)
    {
        byte[] text = Encoding.UTF8.GetBytes(comment + "\0");
        int padded = text.Length + (text.Length & 1);
        int listSize = 4 + 8 + padded;
        var chunk = new byte[8 + listSize];
        Span<byte> s = chunk;
        WriteTag(s, "LIST");
        BinaryPrimitives.WriteInt32LittleEndian(s[4..], listSize);
        WriteTag(s[8..], "INFO");
        WriteTag(s[12..], "ICMT");
        BinaryPrimitives.WriteInt32LittleEndian(s[16..], text.Length);
        text.CopyTo(s[20..]);
        return chunk;
    }

    private static void WriteTag(Span<byte> destination, string tag) => Encoding.ASCII.GetBytes(tag, destination);
}
