using System.Text.Json;

namespace Bytez.AI.Tests.TestSupport;

/// <summary>Reads the response fixtures copied from docs/bytez-fixtures.</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonElement Json(string name) => JsonDocument.Parse(Read(name)).RootElement.Clone();

    public static BytezRunResult RunResult(string name) => new(Json(name), "org/model");
}
