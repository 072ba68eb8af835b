namespace Bytez.AI.ToolCalling;

/// <summary>
/// How a model marks the reasoning it writes before its answer (<c>&lt;think&gt;...&lt;/think&gt;</c> for Qwen3, QwQ and
/// the DeepSeek-R1 distills). The parser separates that block from the answer before it looks for calls: the reasoning
/// becomes <see cref="Microsoft.Extensions.AI.TextReasoningContent"/> and nothing inside it is ever a call. Set per
/// format with <see cref="ToolCallFormat.Reasoning"/>; <see cref="ToolCallFormats.ForModel"/> picks the one of the model.
/// </summary>
/// <remarks>
/// <para>Only a block that opens the output counts (white space before it is ignored); a tag later in the text is
/// text. The white space around the reasoning is dropped (as llama.cpp does), so the answer starts with its first word.
/// Output that ends inside the block (the token limit) is all reasoning.</para>
/// </remarks>
public sealed class ReasoningSyntax
{
    /// <summary>Initializes a new instance of the <see cref="ReasoningSyntax"/> class.</summary>
    /// <param name="openTag">The tag that opens the block (e.g. <c>&lt;think&gt;</c>).</param>
    /// <param name="closeTag">The tag that closes it (e.g. <c>&lt;/think&gt;</c>).</param>
    /// <param name="startsOpen">
    /// Whether the chat template ends the prompt with <paramref name="openTag"/>, so the output starts inside the block and
    /// only the closing tag is written (QwQ-32B, DeepSeek-R1 distills, Qwen3 thinking-2507 models). An opening tag the
    /// model repeats anyway is skipped.
    /// </param>
    /// <exception cref="ArgumentException">A tag is null or empty.</exception>
    public ReasoningSyntax(string openTag, string closeTag, bool startsOpen)
    {
        ArgumentException.ThrowIfNullOrEmpty(openTag);
        ArgumentException.ThrowIfNullOrEmpty(closeTag);
        OpenTag = openTag;
        CloseTag = closeTag;
        StartsOpen = startsOpen;
    }

    private ReasoningSyntax()
    {
        OpenTag = string.Empty;
        CloseTag = string.Empty;
    }

    /// <summary>Gets the syntax of models that do not reason in their output: the tags are text like any other.</summary>
    public static ReasoningSyntax None { get; } = new();

    /// <summary>Gets <c>&lt;think&gt;...&lt;/think&gt;</c> opening the output (Qwen3, and the default for every format).</summary>
    public static ReasoningSyntax ThinkTags { get; } = new("<think>", "</think>", startsOpen: false);

    /// <summary>
    /// Gets <c>&lt;think&gt;...&lt;/think&gt;</c> with the opening tag written by the chat template (QwQ-32B, DeepSeek-R1
    /// distills, Qwen3 thinking-2507): everything up to <c>&lt;/think&gt;</c> is reasoning.
    /// </summary>
    public static ReasoningSyntax ThinkTagsPrefilled { get; } = new("<think>", "</think>", startsOpen: true);

    /// <summary>Gets the opening tag (empty for <see cref="None"/>).</summary>
    public string OpenTag { get; }

    /// <summary>Gets the closing tag (empty for <see cref="None"/>).</summary>
    public string CloseTag { get; }

    /// <summary>Gets a value indicating whether the output starts inside the block (the template wrote the opening tag).</summary>
    public bool StartsOpen { get; }

    /// <summary>Gets a value indicating whether this syntax marks no reasoning (<see cref="None"/>).</summary>
    public bool IsNone => OpenTag.Length == 0;

    /// <inheritdoc/>
    public override string ToString() => IsNone ? "none" : StartsOpen ? $"{OpenTag} (prefilled)...{CloseTag}" : $"{OpenTag}...{CloseTag}";
}
