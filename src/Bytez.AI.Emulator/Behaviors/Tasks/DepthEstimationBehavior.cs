using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Media;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>depth-estimation</c>: <c>{"depth_png","formatted_predicted_depth_array"}</c>. The depth PNG (8-bit grayscale, the
/// image's size up to 1024 per side, brighter = nearer) shades the scene from far at the top to near at the bottom,
/// with the subject ellipse standing out. The array is a coarse grid (at most 12 rows x 16 columns, not the full
/// resolution) of depths in metres, 1 to 10, rounded to 3 decimals.
/// </summary>
internal sealed class DepthEstimationBehavior : TaskBehaviorBase
{
    private const int GridRows = 12;
    private const int GridColumns = 16;

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        MediaInput media = MediaInput.Read(request, request.Model.Task, ImageMembers.Image);
        (int width, int height) = SceneRaster.Size(media);
        var depth = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                depth[(y * width) + x] = Nearness(x, y, width, height);
            }
        }

        int rows = Math.Min(height, GridRows), columns = Math.Min(width, GridColumns);
        var grid = new JsonArray();
        for (int r = 0; r < rows; r++)
        {
            var row = new JsonArray();
            int y = ((2 * r) + 1) * height / (2 * rows);
            for (int c = 0; c < columns; c++)
            {
                int x = ((2 * c) + 1) * width / (2 * columns);
                row.Add((JsonNode)JsonValue.Create(Math.Round(10.0 - (9.0 * Nearness(x, y, width, height) / 255.0), 3)));
            }

            grid.Add((JsonNode)row);
        }

        return Output(new JsonObject
        {
            ["depth_png"] = Convert.ToBase64String(PngEncoder.EncodeGrayscale(width, height, depth)),
            ["formatted_predicted_depth_array"] = grid,
        });
    }

    private static byte Nearness(int x, int y, int width, int height)
    {
        int floor = 40 + (160 * y / Math.Max(1, height - 1));
        return SceneRaster.At(x, y, width, height) == SceneRaster.Region.Subject ? (byte)Math.Min(255, floor + 60) : (byte)floor;
    }
}
