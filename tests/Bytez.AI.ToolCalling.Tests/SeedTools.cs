using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>The seed's NexusRaven weather functions, with the seed's descriptions (return descriptions included).</summary>
internal static class SeedTools
{
    public static AIFunction GetWeatherData { get; } = AIFunctionFactory.Create(
        [return: Description("The current temperature in the coordinates you've asked for")]
        ([Description("The latitude and longitude of the location.")] double[] coordinates) => 12.5,
        new AIFunctionFactoryOptions
        {
            Name = "get_weather_data",
            Description = "Fetches weather data from the Open-Meteo API for the given latitude and longitude.",
        });

    public static AIFunction GetCoordinatesFromCity { get; } = AIFunctionFactory.Create(
        [return: Description("The latitude and longitude of the city.")]
        ([Description("The name of the city.")] string city_name) => new[] { 47.6062, -122.3321 },
        new AIFunctionFactoryOptions
        {
            Name = "get_coordinates_from_city",
            Description = "Fetches the latitude and longitude of a given city name using the Maps.co Geocoding API.",
        });

    public static IReadOnlyList<AIFunctionDeclaration> Both { get; } = [GetWeatherData, GetCoordinatesFromCity];

    public const string Query = "What's the weather like in Seattle right now?";

    /// <summary>NexusRaven's answer to the seed's query.</summary>
    public const string NestedCall = "Call: get_weather_data(coordinates=get_coordinates_from_city(city_name='Seattle'))<bot_end>";
}
