using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Media;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>audio-classification</c> (keyword spotting, like wav2vec2-base-finetuned-ks): <c>[{"label","score"}, ...]</c>, the
/// <c>top_k</c> (default 5) of <c>yes no up down left right on off stop go _silence_ _unknown_</c>. An all-zero WAV is
/// <c>_silence_</c>; a WAV from the emulator's text-to-speech ranks the first keyword of its text first; otherwise the
/// order is hashed from the bytes. The input is <c>{"b64AudioBufferWav": base64}</c> (or a string input / URL).
/// </summary>
internal sealed class AudioClassificationBehavior : TaskBehaviorBase
{
    private static readonly string[] Labels = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go", "_silence_", "_unknown_"];

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        MediaInput media = MediaInput.Read(request, request.Model.Task, ImageMembers.Audio);
        WavInfo? wav = media.Bytes is null ? null : MediaProbe.Wav(media.Bytes);
        string? first = wav switch
        {
            { IsSilent: true } => "_silence_",
            { Comment: { } comment } => WordTokenizer.Tokenize(comment).Select(t => t.Text.ToLowerInvariant()).FirstOrDefault(Labels.Contains) ?? "_unknown_",
            _ => null,
        };

        var rng = new DeterministicRandom(media.Seed);
        List<string> order = [.. Labels.OrderBy(_ => rng.NextUInt64())];
        if (first is not null)
        {
            order.Remove(first);
            order.Insert(0, first);
        }

        int topK = Math.Clamp(RequestReader.IntParam(request.Parameters, "top_k") ?? 5, 1, Labels.Length);
        double[] scores = Scores.Descending(media.Seed, topK);
        return Output(LabelScores(order.Take(topK).Select((label, i) => (label, scores[i]))));
    }
}
