using System.Text.Json;

namespace Bytez.AI.TestSupport;

/// <summary>Reads the wire bodies in this project's <c>Fixtures/</c> folder (copied from the Bytez HTTP API notes' fixtures).</summary>
public static class WireFixtures
{
    /// <summary>Reads a fixture's text.</summary>
    /// <param name="name">The file name, such as <c>v1-run-chat.json</c>.</param>
    /// <returns>The text.</returns>
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>Parses a fixture.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The JSON root.</returns>
    public static JsonElement Json(string name) => JsonDocument.Parse(Read(name)).RootElement.Clone();
}
