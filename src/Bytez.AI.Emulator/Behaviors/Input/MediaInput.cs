using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Media;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Input;

/// <summary>
/// An image, audio or video input: an http(s) URL (never fetched: the emulator has no network), a data URL, or raw
/// base64. Outputs derive from the URL's words ("cats-and-dogs.jpg") or from the decoded bytes.
/// </summary>
internal sealed class MediaInput
{
    /// <summary>The size assumed for images the emulator cannot measure (URLs, undecodable formats).</summary>
    public const int DefaultWidth = 320;

    /// <summary>The height assumed for images the emulator cannot measure.</summary>
    public const int DefaultHeight = 240;

    private static readonly HashSet<string> UrlNoise = new(StringComparer.Ordinal)
    {
        "http", "https", "www", "com", "org", "net", "io", "html", "jpg", "jpeg", "png", "gif", "webp", "bmp", "wav",
        "flac", "mp3", "mp4", "webm", "mov", "image", "images", "img", "file", "files", "site", "sites", "default",
        "field", "example", "static", "upload", "uploads", "media", "photo", "video", "audio", "input", "cdn", "asset",
        "assets", "content", "template", "templates", "px", "the", "and", "of", "a", "an", "us",
    };

    private MediaInput(string source, byte[]? bytes)
    {
        Source = source;
        Bytes = bytes;
        Seed = bytes is null ? StableHash.Fnv1a(source) : StableHash.Fnv1a(bytes);
        Words = bytes is null ? UrlWords(source) : [];
        (Width, Height) = (bytes is null ? null : MediaProbe.ImageSize(bytes)) ?? (DefaultWidth, DefaultHeight);
    }

    /// <summary>The URL, or <c>"base64"</c> for inline data.</summary>
    public string Source { get; }

    /// <summary>The decoded bytes of inline data; null for URLs.</summary>
    public byte[]? Bytes { get; }

    public bool IsUrl => Bytes is null;

    /// <summary>A stable seed for everything derived from this input.</summary>
    public ulong Seed { get; }

    /// <summary>Meaningful lower-case words of the URL path, plurals kept ("cats", "dogs").</summary>
    public IReadOnlyList<string> Words { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Reads the media from the string <c>input</c> or the first of <paramref name="members"/> that is present.</summary>
    public static MediaInput Read(EmulatorRunRequest request, string task, params string[] members)
    {
        if (request.Input is JsonValue && RequestReader.AsString(request.Input) is { } inline)
        {
            return Parse(inline, "input");
        }

        if (request.Input is JsonArray)
        {
            throw new EmulatorInputException($"{task} expects a URL or base64 string (or an object with '{members[0]}'), not an array.");
        }

        foreach (string member in members)
        {
            if (RequestReader.Member(request, member) is { } node)
            {
                string value = RequestReader.AsString(node) ?? throw new EmulatorInputException($"Input member '{member}' must be a string (a URL or base64).");
                return Parse(value, member);
            }
        }

        throw new EmulatorInputException($"Missing required input '{members[0]}' for {task}: send a URL or base64 string as 'input' or as '{members[0]}'.");
    }

    public static MediaInput Parse(string value, string member)
    {
        string trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw new EmulatorInputException($"Input member '{member}' is empty.");
        }

        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(trimmed, UriKind.Absolute, out _)
                ? new MediaInput(trimmed, null)
                : throw new EmulatorInputException($"Input member '{member}' is not a valid URL.");
        }

        string payload = trimmed;
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            int comma = trimmed.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !trimmed[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                throw new EmulatorInputException($"Input member '{member}' is a data URL without base64 data.");
            }

            payload = trimmed[(comma + 1)..];
        }

        try
        {
            byte[] bytes = Convert.FromBase64String(payload);
            return bytes.Length > 0 ? new MediaInput("base64", bytes) : throw new EmulatorInputException($"Input member '{member}' decodes to no bytes.");
        }
        catch (FormatException ex)
        {
            throw new EmulatorInputException($"Input member '{member}' is neither an http(s) URL nor valid base64 data.", ex);
        }
    }

    private static List<string> UrlWords(string url)
    {
        string path = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? Uri.UnescapeDataString(uri.AbsolutePath) : url;
        return WordTokenizer.Tokenize(path)
            .Select(t => t.Text.ToLowerInvariant())
            .Where(w => w.Length > 1 && !UrlNoise.Contains(w) && !w.All(char.IsDigit))
            .ToList();
    }
}
