using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace Bytez.AI.TestSupport;

/// <summary>
/// The seed's NexusRaven weather pair (with the seed's descriptions) and two simple tools; records every invocation in
/// order. Paris is 15 degrees and cloudy, every other city 12 degrees and sunny.
/// </summary>
public sealed class WeatherTools
{
    /// <summary>The seed's query.</summary>
    public const string SeedQuery = "What's the weather like in Seattle right now?";

    /// <summary>NexusRaven's answer to the seed's query with the seed's tools.</summary>
    public const string SeedCall = "Call: get_weather_data(coordinates=get_coordinates_from_city(city_name='Seattle'))<bot_end>";

    /// <summary>Initializes a new instance of the <see cref="WeatherTools"/> class.</summary>
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
            ([Description("The city.")] string city, [Description("Temperature unit.")] string unit = "celsius") =>
            {
                Invoked.Add($"get_weather({city})");
                return city == "Paris" ? "15 degrees and cloudy" : "12 degrees and sunny";
            },
            new AIFunctionFactoryOptions { Name = "get_weather", Description = "Gets the current weather of a city." });
        GetTime = AIFunctionFactory.Create(
            () =>
            {
                Invoked.Add("get_time()");
                return "12:00";
            },
            new AIFunctionFactoryOptions { Name = "get_time", Description = "Gets the current time." });
    }

    /// <summary>Gets the invocations, in order: <c>name(arguments)</c>.</summary>
    public List<string> Invoked { get; } = [];

    /// <summary>Gets the seed's <c>get_weather_data(coordinates)</c>: 12.5.</summary>
    public AIFunction GetWeatherData { get; }

    /// <summary>Gets the seed's <c>get_coordinates_from_city(city_name)</c>: Seattle's coordinates.</summary>
    public AIFunction GetCoordinatesFromCity { get; }

    /// <summary>Gets <c>get_weather(city, unit = "celsius")</c>.</summary>
    public AIFunction GetWeather { get; }

    /// <summary>Gets <c>get_time()</c>: 12:00.</summary>
    public AIFunction GetTime { get; }

    /// <summary>Gets the seed's pair.</summary>
    public IReadOnlyList<AIFunctionDeclaration> Seed => [GetWeatherData, GetCoordinatesFromCity];

    /// <summary>Gets the two simple tools.</summary>
    public IReadOnlyList<AIFunctionDeclaration> Simple => [GetWeather, GetTime];
}
