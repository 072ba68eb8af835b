using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>video-classification</c>: nested <c>[[{"label","score"}, ...]]</c> (the list is <c>output[0]</c>), the top 5
/// Kinetics-style actions. A URL word naming an action ("guitar", "dance", "cooking", ...) puts it first; the rest is
/// ordered by the input's hash. Input: an mp4 URL string, or <c>{mp4Url}</c> / <c>{b64VideoBufferMp4}</c>.
/// </summary>
internal sealed class VideoClassificationBehavior : TaskBehaviorBase
{
    private static readonly (string Label, string[] Keys)[] Actions =
    [
        ("playing guitar", ["guitar", "music"]), ("dancing ballet", ["dance", "dancing", "ballet"]),
        ("riding a bike", ["bike", "bicycle", "cycling"]), ("cooking on campfire", ["cooking", "cook", "campfire", "food"]),
        ("surfing water", ["surf", "surfing", "wave", "beach"]), ("walking the dog", ["dog", "dogs", "walk"]),
        ("juggling balls", ["juggling", "juggle"]), ("playing basketball", ["basketball", "sport", "sports"]),
        ("playing with cats", ["cat", "cats", "kitten"]), ("driving car", ["car", "driving", "traffic"]),
    ];

    public static List<string> Labels(MediaInput media)
    {
        var rng = new DeterministicRandom(media.Seed);
        List<string> order = [.. Actions.Select(a => a.Label).OrderBy(_ => rng.NextUInt64())];
        (string Label, string[] Keys) matched = Array.Find(Actions, a => a.Keys.Any(media.Words.Contains));
        if (matched.Label is not null)
        {
            order.Remove(matched.Label);
            order.Insert(0, matched.Label);
        }

        return order;
    }

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        MediaInput media = MediaInput.Read(request, request.Model.Task, ImageMembers.Video);
        int topK = Math.Clamp(RequestReader.IntParam(request.Parameters, "top_k") ?? 5, 1, Actions.Length);
        double[] scores = Scores.Descending(media.Seed, topK);
        return Output(new JsonArray(LabelScores(Labels(media).Take(topK).Select((label, i) => (label, scores[i])))));
    }
}
