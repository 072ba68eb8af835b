using System.Text;

namespace Bytez.AI.Benchmarks.Sweeps;

/// <summary>Deterministic ASCII text of an exact length (so characters, UTF-8 bytes and JSON string length agree).</summary>
public static class BenchText
{
    /// <summary>Gets text of exactly <paramref name="length"/> characters: words such as <c>w17</c> separated by spaces.</summary>
    /// <param name="length">The length in characters.</param>
    /// <param name="seed">Varies the words, so different texts of one length differ.</param>
    /// <returns>The text.</returns>
    public static string Of(int length, int seed = 0)
    {
        var builder = new StringBuilder(length + 16);
        for (var i = seed; builder.Length < length; i++)
        {
            builder.Append('w').Append(i % 1000).Append(' ');
        }

        builder.Length = length;
        return builder.ToString();
    }

    /// <summary>Cuts a text into pieces of <paramref name="size"/> characters (the last may be shorter).</summary>
    /// <param name="text">The text.</param>
    /// <param name="size">The piece length.</param>
    /// <returns>The pieces, in order.</returns>
    public static IEnumerable<string> Pieces(string text, int size)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
