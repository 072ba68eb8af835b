using System.Text.Json;

namespace Bytez.AI;

/// <summary>A model served by Bytez, as listed by <c>GET model/list</c>.</summary>
/// <param name="ModelId">The model id (older listings call it <c>name</c>).</param>
/// <param name="Task">The task, such as <c>text-generation</c>, when listed.</param>
/// <param name="RamRequired">The memory the model needs (older listings: <c>requiredRAM</c>), when listed.</param>
public sealed record BytezModelInfo(string ModelId, string? Task, double? RamRequired)
{
    /// <summary>Gets the raw JSON item, with any members not mapped above.</summary>
    public JsonElement RawRepresentation { get; init; }
}
