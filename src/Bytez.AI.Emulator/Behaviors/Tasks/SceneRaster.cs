using Bytez.AI.Emulator.Behaviors.Input;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// The emulator's layout of any image: the subject is an ellipse in the middle, a second object a band along the
/// bottom, the rest background. Segmentation masks, depth maps and SAM masks all use it, so they agree.
/// </summary>
internal static class SceneRaster
{
    /// <summary>Masks and depth maps never exceed this many pixels per side, to keep payloads modest.</summary>
    public const int MaxSide = 1024;

    public enum Region
    {
        Background,
        Subject,
        Ground,
    }

    public static (int Width, int Height) Size(MediaInput media) => (Math.Min(media.Width, MaxSide), Math.Min(media.Height, MaxSide));

    public static Region At(int x, int y, int width, int height)
    {
        // Ellipse centred at (w/2, h/2) with radii w/4 and h/3, in integer arithmetic.
        long dx = (2L * x) - width + 1, dy = (2L * y) - height + 1;
        long rx = Math.Max(1, width / 2), ry = Math.Max(1, (2 * height) / 3);
        if ((dx * dx * ry * ry) + (dy * dy * rx * rx) <= rx * rx * ry * ry)
        {
            return Region.Subject;
        }

        return y >= height - Math.Max(1, height / 5) ? Region.Ground : Region.Background;
    }
}
