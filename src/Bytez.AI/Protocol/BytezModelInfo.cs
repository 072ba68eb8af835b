using System.Text.Json;

namespace Bytez.AI;

/// <summary>A model served by Bytez, as listed by <c>GET models/v2/list/models</c> (v2) or <c>GET model/list</c> (v1).</summary>
/// <param name="ModelId">The model id (older v1 listings call it <c>name</c>).</param>
/// <param name="Task">The task, such as <c>chat</c> or <c>text-generation</c>, when listed.</param>
/// <param name="RamRequired">The GPU memory the model needs, in GB in v2 (older v1 listings: <c>requiredRAM</c>), when listed.</param>
public sealed record BytezModelInfo(string ModelId, string? Task, double? RamRequired)
{
    /// <summary>Gets the parameter count in billions (v2 <c>params</c>), when listed.</summary>
    public double? ParametersInBillions { get; init; }

    /// <summary>Gets the v2 size class that sets the price, such as <c>sm-free</c> or <c>micro</c> (<c>meter</c>), when listed.</summary>
    public string? Meter { get; init; }

    /// <summary>Gets the v2 price with its unit, such as <c>0.0006478333 / sec</c> (<c>meterPrice</c>, a string), when listed.</summary>
    public string? MeterPrice { get; init; }

    /// <summary>Gets the raw JSON item, with any members not mapped above.</summary>
    public JsonElement RawRepresentation { get; init; }
}
