namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// Cuts tool-model output into token-sized pieces of 3 to 7 characters in a fixed cycle, so call markers such as
/// <c>&lt;tool_call&gt;</c> or <c>[TOOL_CALLS]</c> arrive split across chunks, as real token streams split them.
/// </summary>
internal static class FineChunker
{
    private static readonly int[] Sizes = [3, 5, 7, 4, 6];

    /// <summary>The pieces; they concatenate to exactly <paramref name="text"/> (surrogate pairs are never split).</summary>
    public static List<string> Split(string text)
    {
        var chunks = new List<string>();
        int i = 0;
        int n = 0;
        while (i < text.Length)
        {
            int end = Math.Min(text.Length, i + Sizes[n++ % Sizes.Length]);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end++;
            }

            chunks.Add(text[i..end]);
            i = end;
        }

        return chunks;
    }
}
