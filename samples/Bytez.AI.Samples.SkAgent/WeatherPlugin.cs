using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Bytez.AI.Samples.SkAgent;

/// <summary>A plugin with canned weather, so the sample is deterministic.</summary>
public sealed class WeatherPlugin
{
    /// <summary>Gets the current weather for a city.</summary>
    /// <param name="city">The city.</param>
    /// <returns>The weather in degrees Celsius.</returns>
    [KernelFunction("get_weather")]
    [Description("Gets the current weather for a city, in degrees Celsius.")]
    public static string GetWeather([Description("The city name")] string city) => $"18 °C and light rain in {city}";
}
