using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Extensions.AI.Tests.ToolCalling;

/// <summary>The seed's NexusRaven weather pair (the seed's descriptions) and a simple weather tool; records every invocation in order.</summary>
internal sealed class WeatherTools
{
    /// <summary>The seed's query.</summary>
    public const string SeedQuery = "What's the weather like in Seattle right now?";

    public WeatherTools()
    {
        GetWeatherData = AIFunctionFactory.Create(
            [return: Description("The current temperature in the coordinates you've asked for")]
            ([Description("The latitude and longitude of the location.")] double[] coordinates) =>
            {
                Invoked.Add($"get_weather_data({string.Join(", ", coordinates)})");
                return 12.5;
            },
            new AIFunctionFactoryOptions { Name = "get_weather_data", Description = "Fetches weather data from the Open-Meteo API for the given latitude and longitude." });
        GetCoordinatesFromCity = AIFunctionFactory.Create(
            [return: Description("The latitude and longitude of the city.")]
            ([Description("The name of the city.")] string city_name) =>
            {
                Invoked.Add($"get_coordinates_from_city({city_name})");
                return new[] { 47.6062, -122.3321 };
            },
            new AIFunctionFactoryOptions { Name = "get_coordinates_from_city", Description = "Fetches the latitude and longitude of a given city name using the Maps.co Geocoding API." });
        GetWeather = AIFunctionFactory.Create(
            ([Description("The city.")] string city) =>
            {
                Invoked.Add($"get_weather({city})");
                return city == "Paris" ? "15 degrees and cloudy" : "12 degrees and sunny";
            },
            new AIFunctionFactoryOptions { Name = "get_weather", Description = "Gets the current weather of a city." });
    }

    /// <summary>Gets the invocations, in order: <c>name(arguments)</c>.</summary>
    public List<string> Invoked { get; } = [];

    public AIFunction GetWeatherData { get; }

    public AIFunction GetCoordinatesFromCity { get; }

    public AIFunction GetWeather { get; }
}
