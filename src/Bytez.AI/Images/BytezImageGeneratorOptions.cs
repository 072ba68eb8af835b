namespace Bytez.AI;

/// <summary>Options of the Bytez <c>IImageGenerator</c>.</summary>
public sealed class BytezImageGeneratorOptions : BytezInstanceOptions
{
}
