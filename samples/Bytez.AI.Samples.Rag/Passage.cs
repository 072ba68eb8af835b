namespace Bytez.AI.Samples.Rag;

/// <summary>One ingested document with its embedding.</summary>
/// <param name="Source">The file name, used for citations.</param>
/// <param name="Text">The document text.</param>
/// <param name="Vector">The document embedding.</param>
public sealed record Passage(string Source, string Text, ReadOnlyMemory<float> Vector);
