namespace Bytez.AI.Http;

/// <summary>Names one protocol call in error messages and logs: "Bytez run of 'org/name'".</summary>
/// <param name="Operation">The operation, one of <see cref="BytezOperations"/>.</param>
/// <param name="ModelId">The model concerned, when there is one.</param>
internal readonly record struct BytezCall(string Operation, string? ModelId)
{
    /// <summary>Gets the subject of an error sentence, such as <c>Bytez run of 'openai-community/gpt2'</c>.</summary>
    public string Subject => ModelId is null ? $"Bytez {Operation}" : $"Bytez {Operation} of '{ModelId}'";
}
