using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Samples.AgentFramework;

/// <summary>
/// A travel assistant on Microsoft Agent Framework: a <see cref="ChatClientAgent"/> over a Bytez chat model with two
/// tools, one <see cref="AgentSession"/> that remembers the conversation across turns, and answers streamed as they
/// are written.
/// </summary>
public static class AgentFrameworkApp
{
    private const string Model = "Qwen/Qwen2.5-7B-Instruct";

    /// <summary>The user's turns, in order; the last one only makes sense with the first two remembered.</summary>
    public static IReadOnlyList<string> Turns { get; } =
    [
        "What is the weather in Oslo today?",
        "Please convert 18 degrees Celsius to Fahrenheit.",
        "Thanks! Should I pack a raincoat?",
    ];

    /// <summary>Runs the sample.</summary>
    /// <param name="args">Unused.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="cancellationToken">A token to stop early (the model the agent started is still stopped).</param>
    /// <returns>0 on success.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        SampleConsole.GuardAsync("Agent Framework", output, () => RunCoreAsync(output, cancellationToken));

    private static async Task RunCoreAsync(TextWriter output, CancellationToken ct)
    {
        await using var environment = await SampleEnvironment.StartAsync(output, ct);

        // The Bytez chat client is an IChatClient like any other: the agent adds function invocation over it, and the
        // Bytez client turns the tools into the prompt format the open model was trained on. Disposing it stops the
        // instance it started (v1; v2 is serverless).
        using IChatClient chatClient = environment.Client.GetModel(Model).AsIChatClient(new() { LoadProgress = new ConsoleLoadProgress(output) });
        AIAgent agent = chatClient.AsAIAgent(
            instructions: "You are a concise travel assistant. Use the tools for weather and unit conversions.",
            name: "TravelAssistant",
            tools: [AIFunctionFactory.Create(TravelTools.GetWeather, "get_weather"), AIFunctionFactory.Create(TravelTools.CelsiusToFahrenheit, "celsius_to_fahrenheit")]);

        // One session for the whole conversation: each turn sees the earlier ones.
        AgentSession session = await agent.CreateSessionAsync(ct);
        foreach (string turn in Turns)
        {
            output.WriteLine("== Turn");
            output.WriteLine($"User: {turn}");
            bool speaking = false;
            int updates = 0;
            await foreach (AgentResponseUpdate update in agent.RunStreamingAsync(turn, session, cancellationToken: ct))
            {
                updates++;
                foreach (AIContent content in update.Contents)
                {
                    switch (content)
                    {
                        case FunctionCallContent call:
                            EndLine();
                            output.WriteLine($"  Tool call: {call.Name}({string.Join(", ", call.Arguments?.Select(a => $"{a.Key}: {a.Value}") ?? [])})");
                            break;
                        case FunctionResultContent result:
                            output.WriteLine($"  Tool result: {result.Result}");
                            break;
                        case TextContent { Text.Length: > 0 } text:
                            // Text is printed as it streams in, after "Assistant: " once per run of text.
                            if (!speaking)
                            {
                                output.Write("Assistant: ");
                                speaking = true;
                            }

                            output.Write(text.Text);
                            break;
                    }
                }
            }

            EndLine();
            output.WriteLine($"  ({updates} streamed updates)");

            void EndLine()
            {
                if (speaking)
                {
                    output.WriteLine();
                    speaking = false;
                }
            }
        }
    }
}
