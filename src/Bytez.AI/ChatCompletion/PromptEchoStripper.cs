namespace Bytez.AI.ChatCompletion;

/// <summary>
/// Removes the prompt that text-generation models echo at the start of their output, for text that arrives in pieces.
/// </summary>
/// <remarks>
/// The echo is removed only if the output really starts with the prompt (ordinal comparison): text is held back only
/// while everything received is still a prefix of the prompt; as soon as it differs, all of it is released unchanged
/// (some containers do not echo). When <c>trimLeadingWhitespace</c> is set (prompts built from a template end with
/// <c>"Assistant:"</c>), the white space the model puts before its answer is dropped too.
/// </remarks>
internal sealed class PromptEchoStripper
{
    private readonly string _prompt;
    private readonly bool _trimLeadingWhitespace;
    private readonly System.Text.StringBuilder _held = new();
    private bool _decided;
    private bool _seenNonWhitespace;

    public PromptEchoStripper(string prompt, bool trimLeadingWhitespace)
    {
        _prompt = prompt;
        _trimLeadingWhitespace = trimLeadingWhitespace;
        _decided = prompt.Length == 0;
    }

    /// <summary>Removes the echo from a complete output.</summary>
    public static string Strip(string output, string prompt, bool trimLeadingWhitespace)
    {
        var stripper = new PromptEchoStripper(prompt, trimLeadingWhitespace);
        return stripper.Push(output) + stripper.Flush();
    }

    /// <summary>Adds a piece of output and returns the reply text that can be released now.</summary>
    public string Push(string piece)
    {
        if (_decided)
        {
            return TrimLead(piece);
        }

        // Compare only the new characters against the prompt at the current offset (no quadratic rescans).
        int offset = _held.Length;
        int comparable = Math.Min(piece.Length, _prompt.Length - offset);
        if (!piece.AsSpan(0, comparable).SequenceEqual(_prompt.AsSpan(offset, comparable)))
        {
            // Not an echo: keep everything.
            _decided = true;
            string all = _held.Append(piece).ToString();
            _held.Clear();
            return TrimLead(all);
        }

        if (offset + piece.Length < _prompt.Length)
        {
            _held.Append(piece);
            return string.Empty;
        }

        // The whole prompt has been seen: drop it, release the rest.
        _decided = true;
        _held.Clear();
        return TrimLead(piece[comparable..]);
    }

    /// <summary>Returns what is still held at the end: output that was only a partial prefix of the prompt is kept.</summary>
    public string Flush()
    {
        if (_decided)
        {
            return string.Empty;
        }

        _decided = true;
        string held = _held.ToString();
        _held.Clear();
        return TrimLead(held);
    }

    private string TrimLead(string text)
    {
        if (!_trimLeadingWhitespace || _seenNonWhitespace)
        {
            return text;
        }

        string trimmed = text.TrimStart();
        _seenNonWhitespace = trimmed.Length > 0;
        return trimmed;
    }
}
