namespace Bytez.AI.Http;

/// <summary>
/// Removes the API key (and any closed-source provider keys) from text the server sent (reason phrases, <c>error</c> members, body excerpts, in-band stream
/// errors, <c>FAILED</c> reasons, network exception messages) before it reaches an exception message or a log line.
/// </summary>
/// <remarks>
/// <para>Rules:</para>
/// <list type="bullet">
/// <item><description>A key of at least <see cref="MinSecretLength"/> characters is replaced by <c>***</c> wherever it
/// occurs, in any letter case, even inside a longer word: a text that contains such a key leaks it.</description></item>
/// <item><description>A shorter key (a test key such as <c>k</c>) is replaced only where it stands as a whole token (no
/// letter, digit, <c>-</c> or <c>_</c> right before or after it), so that "known" stays "known" while "key k" becomes
/// "key ***". A key that short is no secret; what matters is not to mangle every message.</description></item>
/// <item><description>Text is redacted before it is cut (<see cref="Excerpt"/>, <see cref="Cut"/>), and the text given
/// to a cut reaches at least <see cref="Margin"/> characters past the cut when the source has them, so a key that
/// straddles the cut is replaced as a whole: a cut never leaves the start of a key.</description></item>
/// </list>
/// </remarks>
internal sealed class BytezRedactor
{
    /// <summary>The shortest key that is replaced wherever it occurs, even inside a word.</summary>
    public const int MinSecretLength = 8;

    /// <summary>What a key is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>The longest excerpt of a body that is not a Bytez error, in characters (before the ellipsis).</summary>
    public const int MaxExcerptLength = 200;

    // Longest first, so a key that contains another is replaced whole.
    private readonly string[] _keys;

    /// <summary>Initializes a new instance of the <see cref="BytezRedactor"/> class.</summary>
    /// <param name="apiKey">The key to remove; empty redacts nothing.</param>
    /// <param name="otherKeys">Other secrets to remove the same way (the provider keys), if any.</param>
    public BytezRedactor(string apiKey, IEnumerable<string>? otherKeys = null)
    {
        _keys = [.. new[] { apiKey }.Concat(otherKeys ?? []).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(k => k.Length)];
    }

    /// <summary>Gets how far past a cut the text must reach for a straddling key to be whole: the longest key's length.</summary>
    public int Margin => _keys.Length == 0 ? 0 : _keys[0].Length;

    /// <summary>Replaces every key in <paramref name="text"/> (see the rules in the remarks).</summary>
    /// <param name="text">Text from the server; may be null.</param>
    /// <returns>The text without the keys.</returns>
    public string? Redact(string? text)
    {
        foreach (var key in _keys)
        {
            text = Redact(text, key);
        }

        return text;
    }

    private static string? Redact(string? text, string key)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var index = text.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return text;
        }

        var wholeTokensOnly = key.Length < MinSecretLength;
        var builder = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        while (index >= 0)
        {
            var end = index + key.Length;
            if (!wholeTokensOnly || (!IsTokenChar(text, index - 1) && !IsTokenChar(text, end)))
            {
                builder.Append(text, copied, index - copied).Append(Mask);
                copied = end;
                index = text.IndexOf(key, end, StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                index = text.IndexOf(key, index + 1, StringComparison.OrdinalIgnoreCase);
            }
        }

        return copied == 0 ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// Redacts <paramref name="text"/>, then cuts it to <paramref name="maxLength"/> characters (adding an ellipsis).
    /// Give it at least <see cref="Margin"/> characters more than <paramref name="maxLength"/> when the source has them.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The longest result, ellipsis excluded.</param>
    /// <returns>The redacted, possibly shortened text.</returns>
    public string Cut(string text, int maxLength)
    {
        var redacted = Redact(text)!;
        return redacted.Length <= maxLength ? redacted : string.Concat(redacted.AsSpan(0, maxLength).TrimEnd(), "…");
    }

    /// <summary>
    /// Makes a short, single-line, redacted excerpt of a body that is not a Bytez error (for example an HTML page from a
    /// proxy): tags dropped, white space collapsed, at most <see cref="MaxExcerptLength"/> characters.
    /// </summary>
    /// <param name="body">The body text.</param>
    /// <returns>The excerpt, or null when the body has no visible text.</returns>
    public string? Excerpt(string? body)
    {
        // The whole body is redacted first; the visible text is then redacted again (dropping tags can join a key that
        // markup had split) before the cut, and it reaches Margin characters past the cut so no key is cut in two.
        var visible = BytezText.VisibleText(Redact(body), MaxExcerptLength + Margin + 1);
        return visible is null ? null : Cut(visible, MaxExcerptLength);
    }

    private static bool IsTokenChar(string text, int index) =>
        (uint)index < (uint)text.Length && (char.IsLetterOrDigit(text[index]) || text[index] is '-' or '_');
}
