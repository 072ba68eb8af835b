using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bytez.AI.Serialization;

/// <summary>
/// Source-generated metadata for the wire records, so the library never serializes by reflection (it is AOT-compatible).
/// Response bodies are read as <see cref="JsonElement"/> and mapped by hand, because Bytez's shapes vary across
/// versions and a tolerant reader beats a strict contract there.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ModelRequest))]
[JsonSerializable(typeof(LoadRequest))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class BytezJsonContext : JsonSerializerContext;
