namespace Bytez.AI.Emulator.Behaviors.Text;

/// <summary>
/// Deterministic "embeddings" built from hashed word features, so that texts sharing words (or concepts) score a
/// clearly higher cosine similarity than unrelated texts, without any model.
/// </summary>
/// <remarks>
/// <para>The scheme, for a text:</para>
/// <list type="number">
/// <item>Split into runs of letters/digits, lower-case, drop a tiny stop-word list, fold a trailing plural <c>s</c>
/// (<see cref="Lexicon.Normalize"/>).</item>
/// <item>Each remaining word adds +1 to three dimensions picked by a stable hash (64-bit FNV-1a, then SplitMix64) of
/// the word; never <see cref="string.GetHashCode()"/>, which changes from process to process.</item>
/// <item>A word in one of the lexicon's concept groups ("dog" and "cat" are both <c>animal</c>) also adds +1 to two
/// dimensions hashed from the group name, so related single words are near each other.</item>
/// <item>Each character trigram of the padded word (<c>^ca</c>, <c>cat</c>, <c>at$</c>) adds +0.3 to one hashed
/// dimension, which brings spelling variants ("sitting"/"sits") a little closer.</item>
/// <item>The sum is L2-normalised. A text with no content word gets a one-hot vector chosen by the hash of the
/// whole text.</item>
/// </list>
/// <para>All components are non-negative. Token vectors (<see cref="EmbedTokens"/>) are the normalised feature vectors
/// of each content word, so their mean points in almost the same direction as the sentence vector.</para>
/// </remarks>
internal static class TextEmbedder
{
    /// <summary>The default vector length (the size of all-MiniLM-L6-v2 and bge-small); a model may set its own.</summary>
    public const int Dimensions = 384;

    private const int WordDims = 3;
    private const int ConceptDims = 2;
    private const double TrigramWeight = 0.3;

    public static float[] Embed(string text, int dimensions = Dimensions)
    {
        var sum = new double[dimensions];
        bool any = false;
        foreach (string word in Lexicon.ContentWords(text))
        {
            AddWordFeatures(sum, word);
            any = true;
        }

        return any ? Normalize(sum) : Fallback(text, dimensions);
    }

    /// <summary>One unit vector per content word (at least one row), in text order.</summary>
    public static float[][] EmbedTokens(string text, int dimensions = Dimensions)
    {
        List<string> words = Lexicon.ContentWords(text);
        if (words.Count == 0)
        {
            return [Fallback(text, dimensions)];
        }

        var rows = new float[words.Count][];
        for (int i = 0; i < words.Count; i++)
        {
            var features = new double[dimensions];
            AddWordFeatures(features, words[i]);
            rows[i] = Normalize(features);
        }

        return rows;
    }

    /// <summary>A unit vector for opaque bytes (an image without a descriptive URL): hashed byte 4-grams.</summary>
    public static float[] EmbedBytes(ReadOnlySpan<byte> bytes, int dimensions = Dimensions)
    {
        var sum = new double[dimensions];
        int step = Math.Max(1, bytes.Length / 256);
        for (int i = 0; i + 4 <= bytes.Length; i += step)
        {
            ulong h = StableHash.Mix(StableHash.Fnv1a(bytes.Slice(i, 4)));
            sum[(int)(h % (ulong)dimensions)] += 1;
        }

        sum[(int)(StableHash.Mix(StableHash.Fnv1a(bytes)) % (ulong)dimensions)] += 1;
        return Normalize(sum);
    }

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    private static void AddWordFeatures(double[] sum, string word)
    {
        AddHashed(sum, "w:" + word, WordDims, 1.0);
        if (Lexicon.ConceptOf(word) is { } concept)
        {
            AddHashed(sum, "c:" + concept, ConceptDims, 1.0);
        }

        string padded = "^" + word + "$";
        for (int i = 0; i + 3 <= padded.Length; i++)
        {
            AddHashed(sum, string.Concat("t:", padded.AsSpan(i, 3)), 1, TrigramWeight);
        }
    }

    private static void AddHashed(double[] sum, string feature, int count, double weight)
    {
        ulong h = StableHash.Fnv1a(feature);
        for (int k = 0; k < count; k++)
        {
            h = StableHash.Mix(h + (ulong)k);
            sum[(int)(h % (ulong)sum.Length)] += weight;
        }
    }

    private static float[] Fallback(string text, int dimensions)
    {
        var one = new double[dimensions];
        one[(int)(StableHash.Mix(StableHash.Fnv1a(text)) % (ulong)dimensions)] = 1;
        return Normalize(one);
    }

    private static float[] Normalize(double[] sum)
    {
        double norm = 0;
        foreach (double v in sum)
        {
            norm += v * v;
        }

        norm = Math.Sqrt(norm);
        var result = new float[sum.Length];
        for (int i = 0; i < sum.Length; i++)
        {
            result[i] = (float)(sum[i] / norm);
        }

        return result;
    }
}
