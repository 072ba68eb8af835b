using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Media;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>text-to-speech</c> and <c>text-to-audio</c>: top-level <c>output_wav</c>, the base64 of a 16 kHz 16-bit mono PCM
/// WAV lasting 0.06 s per character (0.3 s to 6 s): one triangle-wave tone per word, its pitch hashed from the word,
/// computed with integer arithmetic only so every platform produces identical bytes. The text is stored in the WAV's
/// <c>LIST/INFO/ICMT</c> chunk, which the emulated speech recogniser reads back.
/// </summary>
internal sealed class AudioGenerationBehavior : TaskBehaviorBase
{
    public const int SampleRate = 16000;

    public static byte[] Synthesize(string text)
    {
        double seconds = Math.Clamp(0.06 * text.Length, 0.3, 6.0);
        var samples = new short[(int)(seconds * SampleRate)];
        string[] words = WordTokenizer.SplitWhitespace(text);
        if (words.Length == 0)
        {
            words = [string.Empty];
        }

        int perWord = samples.Length / words.Length;
        int fade = SampleRate / 100;
        for (int w = 0; w < words.Length; w++)
        {
            int frequency = 180 + (int)(StableHash.Fnv1a(words[w]) % 420);
            ulong step = ((ulong)frequency << 32) / SampleRate;
            uint phase = 0;
            int start = w * perWord;
            int end = w == words.Length - 1 ? samples.Length : start + perWord;
            for (int i = start; i < end; i++)
            {
                int p = (int)(phase >> 16);
                int triangle = p < 32768 ? (p * 2) - 32768 : ((65535 - p) * 2) - 32768;
                int envelope = Math.Min(fade, Math.Min(i - start, end - 1 - i));
                samples[i] = (short)(triangle * 3 / 10 * envelope / fade);
                phase += (uint)step;
            }
        }

        return WavEncoder.EncodePcm16Mono(SampleRate, samples, text);
    }

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string text = RequestReader.Text(request, request.Model.Task);
        return new JsonObject { ["output_wav"] = Convert.ToBase64String(Synthesize(text)) };
    }
}
