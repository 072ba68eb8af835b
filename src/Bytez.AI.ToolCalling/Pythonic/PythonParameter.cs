using System.Text.Json;

namespace Bytez.AI.ToolCalling;

/// <summary>One parameter of a tool as the pythonic format shows it.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Schema">The parameter's JSON schema.</param>
/// <param name="Required">Whether the schema lists it as required.</param>
internal sealed record PythonParameter(string Name, JsonElement Schema, bool Required);
