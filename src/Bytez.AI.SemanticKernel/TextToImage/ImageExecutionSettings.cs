using System.Drawing;
using System.Globalization;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace Bytez.AI.SemanticKernel.TextToImage;

/// <summary>
/// The image settings read from a <see cref="PromptExecutionSettings"/>'s extension data, where the keys of Semantic
/// Kernel's OpenAI text-to-image settings land when a plain <see cref="PromptExecutionSettings"/> is used (we do not
/// depend on the OpenAI connector): <c>width</c>, <c>height</c>, <c>size</c> (<c>"512x512"</c>) and the image count
/// <c>n</c> or <c>count</c>. Values may be numbers, numeric strings or <see cref="JsonElement"/>s (settings read from
/// JSON, as <c>TextToImageServiceExtensions.GenerateImageAsync</c> builds them).
/// </summary>
/// <param name="Size">The requested size, or null for the model's default.</param>
/// <param name="Count">The number of images, or null for one.</param>
/// <param name="Additional">Other extension data, passed through to the model's parameters.</param>
internal sealed record ImageExecutionSettings(Size? Size, int? Count, IReadOnlyDictionary<string, object?> Additional)
{
    private const string WidthKey = "width";
    private const string HeightKey = "height";
    private const string SizeKey = "size";

    /// <summary>Reads the settings; explicit <c>width</c>/<c>height</c> override the matching part of <c>size</c>.</summary>
    /// <exception cref="ArgumentException">A value is not a positive integer, <c>size</c> is not <c>WxH</c>, or only one of width and height is known.</exception>
    public static ImageExecutionSettings Read(PromptExecutionSettings? settings)
    {
        var additional = new Dictionary<string, object?>(StringComparer.Ordinal);
        int? width = null, height = null, count = null;
        (int Width, int Height)? size = null;

        foreach (var (key, value) in settings?.ExtensionData ?? new Dictionary<string, object>())
        {
            switch (key.ToUpperInvariant())
            {
                case "SIZE":
                    size = ParseSize(value);
                    break;
                case "WIDTH":
                    width = ParsePositiveInt(WidthKey, value);
                    break;
                case "HEIGHT":
                    height = ParsePositiveInt(HeightKey, value);
                    break;
                case "COUNT":
                case "N":
                    count = ParsePositiveInt(key, value);
                    break;
                default:
                    additional[key] = value;
                    break;
            }
        }

        width ??= size?.Width;
        height ??= size?.Height;
        if (width.HasValue != height.HasValue)
        {
            throw new ArgumentException(
                $"Give both '{WidthKey}' and '{HeightKey}' (or '{SizeKey}' as \"WIDTHxHEIGHT\") in the execution settings, not only one.",
                nameof(settings));
        }

        Size? result = width is { } w && height is { } h ? new Size(w, h) : null;
        return new ImageExecutionSettings(result, count, additional);
    }

    private static (int Width, int Height) ParseSize(object? value)
    {
        string? text = value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => null,
        };

        int separator = text?.IndexOfAny(['x', 'X']) ?? -1;
        if (text is not null && separator > 0 &&
            int.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out int width) &&
            int.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int height) &&
            width > 0 && height > 0)
        {
            return (width, height);
        }

        throw new ArgumentException($"The execution setting '{SizeKey}' must be a string \"WIDTHxHEIGHT\" such as \"512x512\".");
    }

    private static int ParsePositiveInt(string key, object? value)
    {
        int? parsed = value switch
        {
            int i => i,
            long l when l is > 0 and <= int.MaxValue => (int)l,
            double d when d is > 0 and <= int.MaxValue && d == Math.Floor(d) => (int)d,
            string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int i) => i,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out int i) => i,
            JsonElement { ValueKind: JsonValueKind.String } e when int.TryParse(e.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out int i) => i,
            _ => null,
        };

        return parsed is > 0
            ? parsed.Value
            : throw new ArgumentException($"The execution setting '{key}' must be a positive integer.");
    }
}
