using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Media;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>image-segmentation</c>: <c>[{"label","score","mask_png"}, ...]</c>, one segment per <see cref="SceneRaster"/>
/// region (the scene's subject, its second object along the bottom, and <c>background</c>). Each <c>mask_png</c> is the
/// base64 of a valid 8-bit grayscale PNG the size of the image (at most 1024 per side), 255 inside the segment and 0
/// outside. Scores are numbers (semantic-segmentation models may send null; the emulator does not).
/// </summary>
internal sealed class ImageSegmentationBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        MediaInput media = MediaInput.Read(request, request.Model.Task, ImageMembers.Image);
        ImageScene scene = ImageScene.For(media);
        (int width, int height) = SceneRaster.Size(media);
        string ground = scene.CocoObjects.Length > 1 ? scene.CocoObjects[1] : "floor";
        (SceneRaster.Region Region, string Label)[] segments =
        [
            (SceneRaster.Region.Background, "background"),
            (SceneRaster.Region.Subject, scene.Subject),
            (SceneRaster.Region.Ground, ground),
        ];

        var output = new JsonArray();
        foreach ((SceneRaster.Region region, string label) in segments)
        {
            var mask = new byte[width * height];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    mask[(y * width) + x] = SceneRaster.At(x, y, width, height) == region ? (byte)255 : (byte)0;
                }
            }

            output.Add((JsonNode)new JsonObject
            {
                ["label"] = label,
                ["score"] = Scores.Between(StableHash.Combine(media.Seed, StableHash.Fnv1a(label)), 0.9, 1.0),
                ["mask_png"] = Convert.ToBase64String(PngEncoder.EncodeGrayscale(width, height, mask)),
            });
        }

        return Output(output);
    }
}
