namespace Bytez.AI.Speech;

/// <summary>
/// Carries a link to audio through an <c>ISpeechToTextClient</c> pipeline, whose methods take a <see cref="Stream"/>:
/// middleware passes it along untouched and the Bytez speech-to-text client sends the link (<c>url</c>) instead of bytes.
/// It has no bytes of its own, so a client that tries to read it fails with a message saying why.
/// </summary>
/// <param name="url">The link to the audio.</param>
/// <param name="mediaType">The audio's media type, if known.</param>
internal sealed class AudioLinkStream(Uri url, string? mediaType) : Stream
{
    /// <summary>Gets the link to the audio.</summary>
    public Uri Url { get; } = url;

    /// <summary>Gets the audio's media type, if known.</summary>
    public string? MediaType { get; } = mediaType;

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw NoBytes();

    /// <inheritdoc />
    public override long Position
    {
        get => throw NoBytes();
        set => throw NoBytes();
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw NoBytes();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw NoBytes();

    /// <inheritdoc />
    public override void SetLength(long value) => throw NoBytes();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw NoBytes();

    /// <inheritdoc />
    public override string ToString() => $"audio at {Url}";

    private NotSupportedException NoBytes() =>
        new($"This stream stands for the audio at {Url}, which only the Bytez speech-to-text client sends as a link; it has no bytes to read. For another client, download the audio and pass its bytes.");
}
