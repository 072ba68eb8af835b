using System.Buffers.Binary;
using System.Text;
using Bytez.AI.Emulator.Behaviors.Media;

namespace Bytez.AI.TestSupport;

/// <summary>
/// Audio for the speech tests, built here (no files, no network) with the emulator's own WAV encoder, the one its
/// recogniser reads back: the one place test code reaches the emulator's internals for audio.
/// </summary>
public static class SpeechAudio
{
    public const int SampleRate = 16000;

    /// <summary>
    /// A 16 kHz tone whose WAV carries <paramref name="words"/> in its <c>LIST/INFO/ICMT</c> comment, which the emulator's
    /// speech recogniser reads back (upper case, no punctuation), as it does for its own text-to-speech.
    /// </summary>
    public static byte[] Spoken(string words, double seconds = 0.5) => WavEncoder.EncodePcm16Mono(SampleRate, Tone(seconds, 330), words);

    /// <summary>A 16 kHz mono WAV of a tone, with no comment: the emulator transcribes it to words hashed from its bytes.</summary>
    public static byte[] ToneWav(double seconds, int frequency = 440) => WavEncoder.EncodePcm16Mono(SampleRate, Tone(seconds, frequency));

    /// <summary>The start of an MP3 file (an ID3 tag, then an MPEG frame header and some frame bytes).</summary>
    public static byte[] Mp3()
    {
        var bytes = new byte[4096];
        Encoding.ASCII.GetBytes("ID3").CopyTo(bytes, 0);
        bytes[3] = 4;
        bytes[10] = 0xFF;
        bytes[11] = 0xFB;
        for (int i = 12; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 7);
        }

        return bytes;
    }

    /// <summary>A WAV header with a format chunk and an empty data chunk: a recording with no samples.</summary>
    public static byte[] EmptyWav() => WavEncoder.EncodePcm16Mono(SampleRate, []);

    /// <summary>The 12-byte RIFF/WAVE signature alone: no format chunk, no data.</summary>
    public static byte[] SignatureOnly() => [.. "RIFF"u8, 4, 0, 0, 0, .. "WAVE"u8];

    /// <summary>The duration of a WAV (its data chunk over its byte rate), read independently of the library.</summary>
    public static TimeSpan Duration(ReadOnlySpan<byte> wav)
    {
        int byteRate = BinaryPrimitives.ReadInt32LittleEndian(wav[28..]);
        int offset = 12;
        while (offset + 8 <= wav.Length)
        {
            int size = BinaryPrimitives.ReadInt32LittleEndian(wav[(offset + 4)..]);
            if (wav.Slice(offset, 4).SequenceEqual("data"u8))
            {
                return TimeSpan.FromSeconds(size / (double)byteRate);
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidOperationException("No data chunk.");
    }

    /// <summary>Gets a value indicating whether the bytes are a RIFF/WAVE file.</summary>
    public static bool IsWav(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WAVE"u8);

    private static short[] Tone(double seconds, int frequency)
    {
        var samples = new short[(int)(seconds * SampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * frequency * i / SampleRate));
        }

        return samples;
    }
}
