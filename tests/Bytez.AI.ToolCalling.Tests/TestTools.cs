using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>Realistic tools built with AIFunctionFactory (the seed's weather pair plus a richer schema).</summary>
internal static class TestTools
{
    public static AIFunction GetWeatherData { get; } = AIFunctionFactory.Create(
        ([Description("The latitude and longitude of the location.")] double[] coordinates) => 12.5,
        new AIFunctionFactoryOptions
        {
            Name = "get_weather_data",
            Description = "Fetches weather data from the Open-Meteo API for the given latitude and longitude.",
        });

    public static AIFunction GetCoordinatesFromCity { get; } = AIFunctionFactory.Create(
        ([Description("The name of the city.")] string city_name) => new[] { 47.6062, -122.3321 },
        new AIFunctionFactoryOptions
        {
            Name = "get_coordinates_from_city",
            Description = "Fetches the latitude and longitude of a given city name using the Maps.co Geocoding API.",
        });

    public static AIFunction GetWeather { get; } = AIFunctionFactory.Create(
        ([Description("The city.")] string city, [Description("Temperature unit.")] string unit = "celsius") => $"15 {unit} in {city}",
        new AIFunctionFactoryOptions { Name = "get_weather", Description = "Gets the current weather of a city." });

    public static AIFunction GetTime { get; } = AIFunctionFactory.Create(
        () => "12:00",
        new AIFunctionFactoryOptions { Name = "get_time", Description = "Gets the current time." });

    public static AIFunction SearchHotels { get; } = AIFunctionFactory.Create(
        (
            [Description("The city to search in.")] string city,
            [Description("The address to search near.")] Address near,
            [Description("Wanted amenities.")] string[]? amenities = null,
            [Description("The highest nightly price.")] int? maxPrice = null,
            [Description("Only refundable offers.")] bool refundable = false) => "none",
        new AIFunctionFactoryOptions { Name = "search_hotels", Description = "Searches hotels." });

    public static IReadOnlyList<AIFunctionDeclaration> Weather { get; } = [GetWeatherData, GetCoordinatesFromCity];

    public static IReadOnlyList<AIFunctionDeclaration> All { get; } = [GetWeather, GetTime, SearchHotels, GetWeatherData, GetCoordinatesFromCity];

    public sealed record Address(string Street, [property: Description("Postal code.")] string Zip);
}
