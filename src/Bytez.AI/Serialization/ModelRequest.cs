namespace Bytez.AI.Serialization;

/// <summary>The body of <c>model/job</c>, <c>model/status</c> and <c>model/delete</c>: <c>{"model": id}</c>.</summary>
/// <param name="Model">The model id.</param>
internal sealed record ModelRequest(string Model);
