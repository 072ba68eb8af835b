using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Media;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>text-to-image</c> and <c>unconditional-image-generation</c>: top-level <c>output_png</c>, the base64 of a valid
/// RGBA PNG of <c>params.width</c> x <c>params.height</c> (default 64 x 64, each clamped to 1..1024): a diagonal
/// gradient between two colours and a "sun" disc, all picked from the hash of the prompt and model. The prompt is
/// optional for unconditional models (the seed calls one with "A rose").
/// </summary>
internal sealed class ImageGenerationBehavior : TaskBehaviorBase
{
    public const int DefaultSize = 64;
    public const int MaxSize = 1024;

    public static byte[] Render(string prompt, string modelId, int width, int height)
    {
        var rng = new DeterministicRandom(StableHash.Combine(StableHash.Fnv1a(prompt), StableHash.Fnv1a(modelId)));
        byte[] from = [(byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256)];
        byte[] to = [(byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256)];
        byte[] sun = [(byte)rng.Next(160, 256), (byte)rng.Next(160, 256), (byte)rng.Next(0, 128)];
        int cx = rng.Next(width), cy = rng.Next(height);
        long radius = Math.Max(1, Math.Min(width, height) / rng.Next(3, 7));

        var rgba = new byte[width * height * 4];
        int span = Math.Max(1, width + height - 2);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int o = ((y * width) + x) * 4;
                long dx = x - cx, dy = y - cy;
                bool inSun = (dx * dx) + (dy * dy) <= radius * radius;
                int t = x + y;
                for (int c = 0; c < 3; c++)
                {
                    rgba[o + c] = inSun ? sun[c] : (byte)(from[c] + (((to[c] - from[c]) * t) / span));
                }

                rgba[o + 3] = 255;
            }
        }

        return PngEncoder.Encode(width, height, rgba);
    }

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string task = request.Model.Task;
        string prompt = task == EmulatedTasks.UnconditionalImageGeneration
            ? RequestReader.OptionalText(request, task) ?? string.Empty
            : RequestReader.Text(request, task);
        int width = Math.Clamp(RequestReader.IntParam(request.Parameters, "width") ?? DefaultSize, 1, MaxSize);
        int height = Math.Clamp(RequestReader.IntParam(request.Parameters, "height") ?? DefaultSize, 1, MaxSize);
        return new JsonObject { ["output_png"] = Convert.ToBase64String(Render(prompt, request.Model.ModelId, width, height)) };
    }
}
