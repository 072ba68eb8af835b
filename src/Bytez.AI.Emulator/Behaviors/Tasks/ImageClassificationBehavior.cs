using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>image-classification</c>: <c>[{"label","score"}, ...]</c>, the <c>top_k</c> (default 5) ImageNet labels of the
/// image's <see cref="ImageScene"/> with decreasing scores (a cats URL gives "tabby, tabby cat" first).
/// </summary>
internal sealed class ImageClassificationBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        MediaInput media = MediaInput.Read(request, request.Model.Task, ImageMembers.Image);
        ImageScene scene = ImageScene.For(media);
        int topK = Math.Clamp(RequestReader.IntParam(request.Parameters, "top_k") ?? 5, 1, scene.ImageNetLabels.Length);
        double[] scores = Scores.Descending(media.Seed, topK);
        return Output(LabelScores(scene.ImageNetLabels.Take(topK).Select((label, i) => (label, scores[i]))));
    }
}
