using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Emulator.Behaviors.Tests.Tools;

/// <summary>The seed's NexusRaven weather pair (with the seed's descriptions) and two simple tools; records invocations.</summary>
internal sealed class WeatherTools
{
    public const string SeedQuery = "What's the weather like in Seattle right now?";
    public const string SeedCall = "Call: get_weather_data(coordinates=get_coordinates_from_city(city_name='Seattle'))<bot_end>";

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
                return city == "Paris" ? "15 degrees and cloudy" : "12.5 degrees and sunny";
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

    public List<string> Invoked { get; } = [];

    public AIFunction GetWeatherData { get; }

    public AIFunction GetCoordinatesFromCity { get; }

    public AIFunction GetWeather { get; }

    public AIFunction GetTime { get; }

    public IReadOnlyList<AIFunctionDeclaration> Seed => [GetWeatherData, GetCoordinatesFromCity];

    public IReadOnlyList<AIFunctionDeclaration> Simple => [GetWeather, GetTime];
}
