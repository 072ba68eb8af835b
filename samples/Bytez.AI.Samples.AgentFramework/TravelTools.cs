using System.ComponentModel;

namespace Bytez.AI.Samples.AgentFramework;

/// <summary>The agent's two tools, with canned answers so the sample is deterministic.</summary>
public static class TravelTools
{
    /// <summary>Gets the current weather for a city.</summary>
    /// <param name="city">The city.</param>
    /// <returns>The weather in degrees Celsius.</returns>
    [Description("Gets the current weather for a city, in degrees Celsius.")]
    public static string GetWeather([Description("The city name")] string city) => $"18 °C and light rain in {city}";

    /// <summary>Converts degrees Celsius to degrees Fahrenheit.</summary>
    /// <param name="celsius">The temperature in degrees Celsius.</param>
    /// <returns>The temperature in degrees Fahrenheit.</returns>
    [Description("Converts a temperature from degrees Celsius to degrees Fahrenheit.")]
    public static double CelsiusToFahrenheit([Description("The temperature in degrees Celsius")] double celsius) => (celsius * 9 / 5) + 32;
}
