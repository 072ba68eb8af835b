namespace Bytez.AI;

/// <summary>Media bytes with their media type: an image, audio clip or video sent to a model or returned by one.</summary>
/// <param name="Data">The bytes.</param>
/// <param name="MediaType">The media type, such as <c>image/png</c>, <c>audio/wav</c> or <c>video/mp4</c>.</param>
public sealed record BytezMedia(ReadOnlyMemory<byte> Data, string MediaType)
{
    /// <summary>Gets the bytes as base64, without a <c>data:</c> prefix (what the v1 API takes).</summary>
    /// <returns>The base64 text.</returns>
    public string ToBase64() => Convert.ToBase64String(Data.Span);

    /// <summary>Gets the bytes as a data URL, <c>data:&lt;media type&gt;;base64,&lt;data&gt;</c> (what the v2 API takes).</summary>
    /// <returns>The data URL.</returns>
    public string ToDataUrl() => $"data:{MediaType};base64,{ToBase64()}";

    /// <summary>Validates a media type argument and copies the bytes, so the input cannot change after it is built.</summary>
    internal static BytezMedia Create(ReadOnlyMemory<byte> data, string mediaType, string dataParameter, string mediaTypeParameter)
    {
        if (data.IsEmpty)
        {
            throw new ArgumentException("The media is empty: pass the bytes of an image, audio clip or video.", dataParameter);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType, mediaTypeParameter);
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == mediaType.Length - 1 || mediaType.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException(
                $"'{mediaType}' is not a media type: pass one such as 'image/png', 'image/jpeg', 'audio/wav' or 'video/mp4'.", mediaTypeParameter);
        }

        return new BytezMedia(data.ToArray(), mediaType.ToLowerInvariant());
    }

    /// <summary>Gets the kind of content this media is, from the top-level type of its media type.</summary>
    internal BytezContentKind Kind =>
        MediaType.StartsWith("audio/", StringComparison.Ordinal) ? BytezContentKind.Audio
        : MediaType.StartsWith("video/", StringComparison.Ordinal) ? BytezContentKind.Video
        : BytezContentKind.Image;
}
