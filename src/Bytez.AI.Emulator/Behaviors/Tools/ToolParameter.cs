namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>One parameter of a declared tool, reduced to what the emulated models use to fill it.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Type">The JSON type (<c>string</c>, <c>number</c>, <c>integer</c>, <c>boolean</c>, <c>array</c>, <c>object</c>), or null when untyped.</param>
/// <param name="Description">The description, or empty.</param>
/// <param name="Required">Whether the parameter is required (pythonic: has no default).</param>
internal sealed record ToolParameter(string Name, string? Type, string Description, bool Required)
{
    /// <summary>Gets the item type of an array parameter.</summary>
    public string? ItemType { get; init; }

    /// <summary>Gets the allowed values of an enum parameter (as text), or empty.</summary>
    public IReadOnlyList<string> Enum { get; init; } = [];

    /// <summary>Gets the properties of an object parameter, or empty.</summary>
    public IReadOnlyList<ToolParameter> Properties { get; init; } = [];
}
