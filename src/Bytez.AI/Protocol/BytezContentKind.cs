namespace Bytez.AI;

/// <summary>The kind of a <see cref="BytezContentBlock"/>: the <c>type</c> of a v2 content block.</summary>
public enum BytezContentKind
{
    /// <summary>Text (<c>"type": "text"</c>).</summary>
    Text,

    /// <summary>An image (<c>"type": "image"</c>), for <c>image-text-to-text</c> models.</summary>
    Image,

    /// <summary>An audio clip (<c>"type": "audio"</c>), for <c>audio-text-to-text</c> models.</summary>
    Audio,

    /// <summary>A video (<c>"type": "video"</c>), for <c>video-text-to-text</c> models.</summary>
    Video,
}
