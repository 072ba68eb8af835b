using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>mask-generation</c> (SAM): <c>{"input_image_dimensions":{"width","height"},"masks":[[[0/1...]]],"scores":[...]}</c>.
/// The dimensions are the input's (PNG/JPEG header, else 320 x 240). The three masks (subject, ground, background of
/// <see cref="SceneRaster"/>) are sampled on a coarse grid of at most 12 rows x 16 columns rather than at full
/// resolution, to keep the JSON small.
/// </summary>
internal sealed class MaskGenerationBehavior : TaskBehaviorBase
{
    private const int GridRows = 12;
    private const int GridColumns = 16;

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        MediaInput media = MediaInput.Read(request, request.Model.Task, ImageMembers.MaskInput);
        int rows = Math.Min(media.Height, GridRows), columns = Math.Min(media.Width, GridColumns);
        SceneRaster.Region[] regions = [SceneRaster.Region.Subject, SceneRaster.Region.Ground, SceneRaster.Region.Background];
        var masks = new JsonArray();
        foreach (SceneRaster.Region region in regions)
        {
            var mask = new JsonArray();
            for (int r = 0; r < rows; r++)
            {
                var row = new JsonArray();
                for (int c = 0; c < columns; c++)
                {
                    row.Add((JsonNode)JsonValue.Create(SceneRaster.At(c, r, columns, rows) == region ? 1 : 0));
                }

                mask.Add((JsonNode)row);
            }

            masks.Add((JsonNode)mask);
        }

        double[] scores = Scores.Descending(media.Seed, regions.Length).Select(s => Scores.Round(0.9 + (0.1 * s))).ToArray();
        return Output(new JsonObject
        {
            ["input_image_dimensions"] = new JsonObject { ["width"] = media.Width, ["height"] = media.Height },
            ["masks"] = masks,
            ["scores"] = new JsonArray(scores.Select(s => (JsonNode)s).ToArray()),
        });
    }
}
