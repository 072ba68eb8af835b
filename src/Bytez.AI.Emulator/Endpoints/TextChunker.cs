using System.Text;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>Splits text into word-sized stream chunks (each but the first starting with its space), as a token streamer would.</summary>
internal static class TextChunker
{
    public static List<string> Words(string text)
    {
        var chunks = new List<string>();
        var start = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ' ' && text[i - 1] != ' ')
            {
                chunks.Add(text[start..i]);
                start = i;
            }
        }

        if (start < text.Length)
        {
            chunks.Add(text[start..]);
        }

        return chunks;
    }

    public static List<byte[]> Utf8(IEnumerable<string> chunks) => [.. chunks.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Decodes byte chunks into text chunks, carrying split characters over to the next chunk.</summary>
    public static List<string> Decode(IEnumerable<byte[]> chunks)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var result = new List<string>();
        foreach (var chunk in chunks)
        {
            var chars = new char[Encoding.UTF8.GetMaxCharCount(chunk.Length)];
            var count = decoder.GetChars(chunk, 0, chunk.Length, chars, 0, flush: false);
            if (count > 0)
            {
                result.Add(new string(chars, 0, count));
            }
        }

        var tail = new char[8];
        var last = decoder.GetChars([], 0, 0, tail, 0, flush: true);
        if (last > 0)
        {
            result.Add(new string(tail, 0, last));
        }

        return result;
    }
}
