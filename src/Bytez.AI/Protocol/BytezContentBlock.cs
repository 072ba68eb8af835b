namespace Bytez.AI;

/// <summary>
/// One part of a multimodal chat message: text, or an image, audio clip or video given by URL or by bytes. Sent as a v2
/// content block (<c>{"type": "image", "url": ...}</c>, <c>{"type": "audio", "base64": "data:audio/wav;base64,..."}</c>).
/// </summary>
/// <remarks>
/// Media blocks are for the v2 <c>image-text-to-text</c>, <c>audio-text-to-text</c> and <c>video-text-to-text</c> models;
/// the v1 API takes text only, so a media block there fails before any request.
/// </remarks>
public sealed class BytezContentBlock
{
    private BytezContentBlock(BytezContentKind kind, string? text, Uri? url, BytezMedia? media)
    {
        Kind = kind;
        Text = text;
        Url = url;
        Media = media;
    }

    /// <summary>Gets the kind of the block.</summary>
    public BytezContentKind Kind { get; }

    /// <summary>Gets the text of a <see cref="BytezContentKind.Text"/> block.</summary>
    public string? Text { get; }

    /// <summary>Gets the address of a media block given by URL.</summary>
    public Uri? Url { get; }

    /// <summary>Gets the bytes of a media block given by value (sent as a base64 data URL).</summary>
    public BytezMedia? Media { get; }

    /// <summary>Creates a text block.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The block.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static BytezContentBlock FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new BytezContentBlock(BytezContentKind.Text, text, null, null);
    }

    /// <summary>Creates an image, audio or video block from a public URL.</summary>
    /// <param name="kind">The kind of media: <see cref="BytezContentKind.Image"/>, <see cref="BytezContentKind.Audio"/> or <see cref="BytezContentKind.Video"/>.</param>
    /// <param name="url">An absolute http(s) URL Bytez can fetch.</param>
    /// <returns>The block.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a media kind, or <paramref name="url"/> is not an absolute http(s) URL.</exception>
    public static BytezContentBlock FromUrl(BytezContentKind kind, Uri url)
    {
        if (kind is not (BytezContentKind.Image or BytezContentKind.Audio or BytezContentKind.Video))
        {
            throw new ArgumentException($"A URL block is an image, audio or video, not {kind}; use FromText for text.", nameof(kind));
        }

        return new BytezContentBlock(kind, null, BytezInput.ValidateUrl(url, nameof(url)), null);
    }

    /// <summary>Creates an image, audio or video block from bytes; the kind follows the media type (<c>image/*</c>, <c>audio/*</c>, <c>video/*</c>).</summary>
    /// <param name="data">The bytes. They are copied.</param>
    /// <param name="mediaType">The media type, such as <c>image/png</c>, <c>audio/wav</c> or <c>video/mp4</c>.</param>
    /// <returns>The block.</returns>
    /// <exception cref="ArgumentException">The data is empty, or the media type is not an image, audio or video type.</exception>
    public static BytezContentBlock FromMedia(ReadOnlyMemory<byte> data, string mediaType)
    {
        var media = BytezMedia.Create(data, mediaType, nameof(data), nameof(mediaType));
        if (!(media.MediaType.StartsWith("image/", StringComparison.Ordinal) || media.MediaType.StartsWith("audio/", StringComparison.Ordinal)
            || media.MediaType.StartsWith("video/", StringComparison.Ordinal)))
        {
            throw new ArgumentException(
                $"Chat models take images, audio and video; '{mediaType}' is none of them. Use an image/*, audio/* or video/* media type.", nameof(mediaType));
        }

        return new BytezContentBlock(media.Kind, null, null, media);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        BytezContentKind.Text => $"text ({Text!.Length} characters)",
        _ when Url is not null => $"{Kind} {Url}",
        _ => $"{Kind} ({Media!.MediaType}, {Media.Data.Length} bytes)",
    };
}
