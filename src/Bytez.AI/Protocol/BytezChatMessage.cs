namespace Bytez.AI;

/// <summary>A chat message as Bytez chat models take it: <c>{"role": ..., "content": ...}</c>.</summary>
/// <param name="Role">The role: <c>system</c>, <c>user</c>, <c>assistant</c> (or a model-specific role).</param>
/// <param name="Content">The text content (for a message built from content blocks, the text of its text blocks).</param>
public sealed record BytezChatMessage(string Role, string Content)
{
    /// <summary>Initializes a new instance of the <see cref="BytezChatMessage"/> class from content blocks (text, images, audio, video).</summary>
    /// <param name="role">The role.</param>
    /// <param name="content">The blocks, in order. They are copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or one of its blocks is null.</exception>
    /// <exception cref="ArgumentException">There are no blocks.</exception>
    public BytezChatMessage(string role, IEnumerable<BytezContentBlock> content)
        : this(role, TextOf(content, out var blocks))
    {
        ContentBlocks = blocks;
    }

    /// <summary>Gets the content blocks of a multimodal message; null for a text message.</summary>
    /// <remarks>The v2 API receives them as a content-block array; the v1 API takes text blocks only.</remarks>
    public IReadOnlyList<BytezContentBlock>? ContentBlocks { get; }

    /// <summary>Gets a value indicating whether the message has an image, audio or video block.</summary>
    internal bool HasMedia => ContentBlocks is { } blocks && blocks.Any(b => b.Kind != BytezContentKind.Text);

    private static string TextOf(IEnumerable<BytezContentBlock> content, out BytezContentBlock[] blocks)
    {
        ArgumentNullException.ThrowIfNull(content);
        blocks = [.. content];
        if (blocks.Length == 0)
        {
            throw new ArgumentException("A message needs at least one content block, such as BytezContentBlock.FromText(\"...\").", nameof(content));
        }

        if (Array.IndexOf(blocks, null) >= 0)
        {
            throw new ArgumentNullException(nameof(content), "The content blocks contain a null block.");
        }

        return string.Concat(blocks.Where(b => b.Kind == BytezContentKind.Text).Select(b => b.Text));
    }
}
