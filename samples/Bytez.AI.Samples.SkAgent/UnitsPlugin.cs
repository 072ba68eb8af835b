using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Bytez.AI.Samples.SkAgent;

/// <summary>A plugin that converts temperatures.</summary>
public sealed class UnitsPlugin
{
    /// <summary>Converts degrees Celsius to degrees Fahrenheit.</summary>
    /// <param name="celsius">The temperature in degrees Celsius.</param>
    /// <returns>The temperature in degrees Fahrenheit.</returns>
    [KernelFunction("celsius_to_fahrenheit")]
    [Description("Converts a temperature from degrees Celsius to degrees Fahrenheit.")]
    public static double CelsiusToFahrenheit([Description("The temperature in degrees Celsius")] double celsius) => (celsius * 9 / 5) + 32;
}
