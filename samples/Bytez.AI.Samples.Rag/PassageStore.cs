using System.Numerics.Tensors;

namespace Bytez.AI.Samples.Rag;

/// <summary>A tiny in-memory vector store: a list searched by cosine similarity.</summary>
public sealed class PassageStore
{
    private readonly List<Passage> _passages = [];

    /// <summary>Gets the number of stored passages.</summary>
    public int Count => _passages.Count;

    /// <summary>Adds a passage.</summary>
    /// <param name="passage">The passage.</param>
    public void Add(Passage passage) => _passages.Add(passage);

    /// <summary>Finds the passages most similar to a query vector.</summary>
    /// <param name="query">The query embedding.</param>
    /// <param name="top">How many to return.</param>
    /// <returns>The best passages with their scores, best first.</returns>
    public IReadOnlyList<(Passage Passage, float Score)> Search(ReadOnlyMemory<float> query, int top) =>
        _passages
            .Select(p => (p, TensorPrimitives.CosineSimilarity(query.Span, p.Vector.Span)))
            .OrderByDescending(match => match.Item2)
            .Take(top)
            .ToList();
}
