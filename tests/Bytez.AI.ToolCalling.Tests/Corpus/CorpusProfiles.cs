using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests.Corpus;

/// <summary>The formats the corpus is parsed with, and the tools its sources declare.</summary>
internal static class CorpusProfiles
{
    private static readonly JsonElement AnyObject = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();

    /// <summary>
    /// The functions the sources call (vLLM's and llama.cpp's tests accept any name; a bare or wrapped call here must
    /// name a declared tool). <c>broken</c> and <c>bash</c> are not declared: their sources expect no call.
    /// </summary>
    public static IReadOnlyList<AIFunctionDeclaration> Tools { get; } =
    [
        .. new[]
        {
            "special_function", "python", "final_answer", "get_current_temperature", "get_weather", "search", "f", "get_db_config", "do_thing",
            "get_current_weather", "search_web", "complex_function", "no_args_function", "searchTool", "getOpenIncidentsTool", "invalidTool",
            "complexTool", "simpleTool", "parserTool", "toolWithoutParams", "add", "sub", "get_age", "get_weather_data", "get_coordinates_from_city",
            "add_edge", "is_two_nodes_connected", "getWeather",
        }.Select(static name => AIFunctionFactory.CreateDeclaration(name, null, AnyObject)),
    ];

    /// <summary>The format of a profile.</summary>
    public static ToolCallFormat Format(string profile) => profile switch
    {
        "hermes" => ToolCallFormats.Hermes,
        "hermes+prefilled" => new HermesToolCallFormat() { Reasoning = ReasoningSyntax.ThinkTagsPrefilled },
        "hermes+none" => new HermesToolCallFormat() { Reasoning = ReasoningSyntax.None },
        "hermes+tnk" => new HermesToolCallFormat() { Reasoning = new ReasoningSyntax("<tnk>", "</tnk>", startsOpen: false) },
        "hermes+tnk-prefilled" => new HermesToolCallFormat() { Reasoning = new ReasoningSyntax("<tnk>", "</tnk>", startsOpen: true) },
        _ => ToolCallFormats.GetByName(profile),
    };
}
