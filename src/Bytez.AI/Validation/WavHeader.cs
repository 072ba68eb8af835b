using System.Buffers.Binary;

namespace Bytez.AI.Validation;

/// <summary>
/// What the RIFF chunks of a WAV file say about its audio: enough to refuse a broken or empty recording before it is
/// sent, and to tell how long it lasts.
/// </summary>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Channels">The number of channels.</param>
/// <param name="DataLength">The bytes of audio in the <c>data</c> chunk that the file really holds.</param>
/// <param name="BytesPerSecond">Sample rate times block size.</param>
internal readonly record struct WavHeader(int SampleRate, int Channels, long DataLength, long BytesPerSecond)
{
    /// <summary>Gets how long the audio lasts.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(DataLength / (double)BytesPerSecond);

    /// <summary>Gets a value indicating whether the bytes start like a WAV file (<c>RIFF</c>, then <c>WAVE</c>).</summary>
    /// <param name="bytes">The file.</param>
    /// <returns>True for a RIFF/WAVE signature, whatever follows.</returns>
    public static bool HasSignature(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WAVE"u8);

    /// <summary>Reads the <c>fmt </c> and <c>data</c> chunks of a file that has the WAV signature.</summary>
    /// <param name="bytes">The file.</param>
    /// <param name="header">The header, when the file is a usable WAV.</param>
    /// <param name="problem">Why it is not, in words a user can act on.</param>
    /// <returns>True when the file has a format chunk before a non-empty data chunk.</returns>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out WavHeader header, out string problem)
    {
        header = default;
        int? sampleRate = null, channels = null, blockAlign = null;
        int offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            ReadOnlySpan<byte> id = bytes.Slice(offset, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(offset + 4, 4));
            int body = offset + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > bytes.Length)
                {
                    problem = "its format chunk is cut short";
                    return false;
                }

                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body + 2, 2));
                sampleRate = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(body + 4, 4)));
                blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body + 12, 2));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (sampleRate is not > 0 || channels is not > 0 || blockAlign is not > 0)
                {
                    problem = "it has no valid format chunk (sample rate, channels, block size) before its audio data";
                    return false;
                }

                // A recorder that streamed the file may leave the size at 0 or 0xFFFFFFFF: what follows is the audio.
                long present = bytes.Length - body;
                long length = size == 0 || size > present ? present : size;
                if (length < blockAlign.Value)
                {
                    problem = "it holds no audio samples";
                    return false;
                }

                header = new WavHeader(sampleRate.Value, channels.Value, length, (long)sampleRate.Value * blockAlign.Value);
                problem = string.Empty;
                return true;
            }

            // Chunks are padded to an even size.
            offset = (int)Math.Min(int.MaxValue, body + size + (size & 1));
        }

        problem = sampleRate is null ? "it has no format chunk" : "it has no audio data chunk";
        return false;
    }
}
