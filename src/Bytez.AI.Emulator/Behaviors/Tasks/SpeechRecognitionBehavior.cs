using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Media;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>automatic-speech-recognition</c>: <c>{"text": transcript}</c> from <c>{"b64AudioBufferWav": base64}</c> (any
/// audio format; the name is historical) or a URL. The transcript is upper-case without punctuation, as
/// data2vec/wav2vec2 write. A WAV made by the emulator's text-to-speech transcribes back to its text; other audio gets
/// deterministic words, about one per 0.4 s of WAV audio (one per 4 KB otherwise), 1 to 30: hashed from the bytes from
/// the first word on (so any change to the audio changes the transcript), except that silence and links, which give
/// the emulator no sound to hear, open with the fixtures' "GO DO YOU HEAR".
/// </summary>
internal sealed class SpeechRecognitionBehavior : TaskBehaviorBase
{
    private static readonly string[] Words =
    [
        "GO", "DO", "YOU", "HEAR", "THE", "BELL", "RING", "NOW", "COME", "HOME", "I", "SEE", "A", "LIGHT", "IN", "WINDOW",
        "WE", "WILL", "MEET", "AT", "NOON", "SHE", "SAID", "YES", "IT", "IS", "TIME", "TO", "LEAVE",
    ];

    public static string Transcribe(MediaInput media)
    {
        WavInfo? wav = media.Bytes is null ? null : MediaProbe.Wav(media.Bytes);
        if (wav?.Comment is { Length: > 0 } spoken)
        {
            return Normalize(spoken);
        }

        int count = wav is not null ? (int)(wav.DurationSeconds / 0.4)
            : media.Bytes is not null ? media.Bytes.Length / 4096
            : 4 + (int)(media.Seed % 5);
        count = Math.Clamp(count, 1, 30);

        // The fixtures' transcript (silent audio) opens with "GO DO YOU HEAR": keep that opening where there is no sound.
        int opening = media.Bytes is null || wav is { IsSilent: true } ? 4 : 0;
        var rng = new DeterministicRandom(media.Seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(i => i < opening ? Words[i] : rng.Pick(Words)));
    }

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        MediaInput media = MediaInput.Read(request, request.Model.Task, ImageMembers.Audio);
        return Output(new JsonObject { ["text"] = Transcribe(media) });
    }

    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.ToUpperInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                sb.Append(c);
            }
            else if (char.IsWhiteSpace(c) && sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().TrimEnd();
    }
}
