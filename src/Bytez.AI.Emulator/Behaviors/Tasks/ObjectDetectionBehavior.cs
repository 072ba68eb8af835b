using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>object-detection</c> and <c>zero-shot-object-detection</c>: <c>[{"score","label","box":{"xmin","ymin","xmax","ymax"}}, ...]</c>
/// sorted by score, boxes in integer pixels inside the image (its real size for PNG/JPEG data, else 320 x 240).
/// Plain detection finds the COCO objects of the <see cref="ImageScene"/>; zero-shot detection (which needs
/// <c>candidate_labels</c>) boxes every candidate, scoring labels that fit the scene highest.
/// </summary>
internal sealed class ObjectDetectionBehavior(bool zeroShot) : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string task = request.Model.Task;
        MediaInput media = MediaInput.Read(request, task, ImageMembers.Image);
        ImageScene scene = ImageScene.For(media);
        var detections = new List<(string Label, double Score, JsonObject Box)>();
        if (zeroShot)
        {
            List<string> labels = RequestReader.RequiredLabels(request, task, "candidate_labels");
            foreach (string label in labels)
            {
                ulong seed = StableHash.Combine(media.Seed, StableHash.Fnv1a(label));
                double affinity = ZeroShotImageClassificationBehavior.Affinity(scene, media, label);
                double score = affinity >= 3 ? Scores.Between(seed, 0.45, 0.7) : affinity > 0 ? Scores.Between(seed, 0.2, 0.4) : Scores.Between(seed, 0.02, 0.15);
                detections.Add((label, score, Box(seed, media)));
            }
        }
        else
        {
            for (int i = 0; i < scene.CocoObjects.Length; i++)
            {
                ulong seed = StableHash.Combine(media.Seed, (ulong)i);
                detections.Add((scene.CocoObjects[i], Scores.Between(seed, 0.85, 0.999), Box(seed, media)));
            }
        }

        return Output(new JsonArray(detections
            .OrderByDescending(d => d.Score)
            .Select(d => (JsonNode)new JsonObject { ["score"] = d.Score, ["label"] = d.Label, ["box"] = d.Box })
            .ToArray()));
    }

    private static JsonObject Box(ulong seed, MediaInput media)
    {
        var rng = new DeterministicRandom(seed);
        int w = Math.Max(1, (int)(media.Width * (0.2 + (0.4 * rng.NextDouble()))));
        int h = Math.Max(1, (int)(media.Height * (0.2 + (0.4 * rng.NextDouble()))));
        int xmin = rng.Next(Math.Max(1, media.Width - w));
        int ymin = rng.Next(Math.Max(1, media.Height - h));
        return new JsonObject
        {
            ["xmin"] = xmin,
            ["ymin"] = ymin,
            ["xmax"] = Math.Min(media.Width - 1, xmin + w),
            ["ymax"] = Math.Min(media.Height - 1, ymin + h),
        };
    }
}
