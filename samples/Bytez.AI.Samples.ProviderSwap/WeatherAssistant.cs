using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Samples.ProviderSwap;

/// <summary>The app itself: it only knows <see cref="IChatClient"/>, never which provider is behind it.</summary>
/// <param name="chat">The chat client from dependency injection.</param>
public sealed class WeatherAssistant(IChatClient chat)
{
    /// <summary>Asks a question that needs a tool, then streams a follow-up answer.</summary>
    /// <param name="output">Where to print.</param>
    /// <param name="cancellationToken">A token to stop early.</param>
    /// <returns>A task that completes when both answers are printed.</returns>
    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var metadata = chat.GetService<ChatClientMetadata>();
        output.WriteLine($"Provider: {metadata?.ProviderName}, model {metadata?.DefaultModelId}, at {metadata?.ProviderUri}");

        List<ChatMessage> history = [new(ChatRole.User, "What is the weather in Lisbon?")];
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(GetWeather, "get_weather")] };
        var response = await chat.GetResponseAsync(history, options, cancellationToken);
        output.WriteLine($"User: {history[0].Text}");
        output.WriteLine($"Assistant: {response.Text}");
        history.AddMessages(response);

        history.Add(new(ChatRole.User, "Should I take an umbrella?"));
        output.WriteLine($"User: {history[^1].Text}");
        output.Write("Assistant (streamed): ");
        await foreach (var update in chat.GetStreamingResponseAsync(history, options, cancellationToken))
        {
            output.Write(update.Text);
        }

        output.WriteLine();
    }

    [Description("Gets the current weather for a city.")]
    private static string GetWeather([Description("The city name")] string city) => $"24 °C and clear skies in {city}";
}
