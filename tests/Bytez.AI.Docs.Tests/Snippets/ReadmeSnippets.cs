using Bytez.AI.Docs.Tests.Running;
using Bytez.AI.Emulator;
using static Bytez.AI.Docs.Tests.Snippets.Wrappers;

namespace Bytez.AI.Docs.Tests.Snippets;

/// <summary>The checks of README.md's C# blocks, in the order they appear.</summary>
internal static class ReadmeSnippets
{
    private const string Gpt2 = "openai-community/gpt2";
    private const string Phi = "microsoft/Phi-3-mini-4k-instruct";
    private const string Gpt4o = "openai/gpt-4o";

    public static IEnumerable<SnippetCheck> Checks =>
    [
        new("create-client", Complete with
        {
            Provides = "BYTEZ_API_KEY set to a made-up key (constructing a client makes no request); records `client`",
            Environment = _ => new Dictionary<string, string?> { ["BYTEZ_API_KEY"] = "bz-docs-not-a-real-key" },
            After = $"{Host}.Record(\"client\", client);",
        },
        run =>
        {
            var client = run.Value<BytezClient>("client");
            Assert.Equal(BytezClientOptions.DefaultEndpoint, client.Endpoint);
            Assert.DoesNotContain("bz-docs-not-a-real-key", client.ToString(), StringComparison.Ordinal);
            Assert.Empty(run.Emulator.RequestLog.Entries);
        }),

        new("api-versions", Complete with
        {
            Provides = "BYTEZ_API_KEY and COHERE_API_KEY set to made-up keys (constructing a client makes no request); records `v1`, `v2`, `withCohere`",
            Environment = _ => new Dictionary<string, string?> { ["BYTEZ_API_KEY"] = "bz-docs-not-a-real-key", ["COHERE_API_KEY"] = "co-docs-not-a-real-key" },
            After = $"{Host}.Record(\"v1\", v1); {Host}.Record(\"v2\", v2); {Host}.Record(\"withCohere\", withCohere);",
        },
        run =>
        {
            Assert.Equal(BytezApiVersion.V2, run.Value<BytezClient>("v2").ApiVersion);
            Assert.Equal(BytezApiVersion.V1, run.Value<BytezClient>("v1").ApiVersion);
            Assert.Equal(BytezApiVersion.V2, run.Value<BytezClient>("withCohere").ApiVersion);
            Assert.Empty(run.Emulator.RequestLog.Entries);
        }),

        new("protocol", Client,
        run =>
        {
            run.Printed("Serverless");                                  // LoadAsync on v2: no request
            run.Printed("princess.");                                   // RunAsync
            run.Printed(" went up the hill");                           // RunStreamingAsync
            run.Ran(Gpt2, 2);
            var log = run.Emulator.RequestLog.Entries;
            Assert.Equal(2, log.Count(e => e.Kind == EmulatorRequestKind.V2ListModels));
            Assert.Single(log, e => e.Kind == EmulatorRequestKind.V2ListTasks);
            Assert.Single(log, e => e.Kind == EmulatorRequestKind.V2Request);
            Assert.Equal(0, run.Emulator.RequestLog.InstancesStarted);
            run.LeftNothingRunning();
        })
        {
            Arrange = emulator => emulator.Script(Gpt2).Reply(" princess.").StreamChunks(" went up", " the hill"),
        },

        new("protocol-v1", V1Client,
        run =>
        {
            run.Printed("RUNNING");                                     // the progress and the status
            run.Printed("Once upon a time there was a princess.");      // v1 text generation echoes the prompt
            run.Ran(Gpt2, 1);
            var log = run.Emulator.RequestLog;
            Assert.Equal(1, log.LoadCount(Gpt2));
            Assert.Single(log.Entries, e => e.Kind == EmulatorRequestKind.ListInstances);
            Assert.Equal(1, log.StopCount(Gpt2));
            run.LeftNothingRunning();
        })
        {
            Arrange = emulator => emulator.Script(Gpt2).Reply(" princess."),
        },

        new("extensions-ai", Client,
        run =>
        {
            run.Printed("London is the capital of England.\n");
            run.Printed("Once upon a time, a model loaded.");
            run.Ran(Phi, 2);
            run.LeftNothingRunning();
        })
        {
            Arrange = emulator => emulator.Script(Phi).Reply("London is the capital of England.").StreamChunks("Once upon a time,", " a model", " loaded."),
        },

        new("speech", Client,
        run =>
        {
            // The emulated recogniser hears the emulated voice back as the words it spoke.
            run.Printed("MEET ME AT THE LIGHTHOUSE AT DAWN\n");
            run.Ran("suno/bark-small", 1);
            run.Ran("facebook/data2vec-audio-base-960h", 1);
            run.SentToModel("facebook/data2vec-audio-base-960h", "data:audio/wav;base64,UklGR");   // the WAV, as a v2 data URL
            run.LeftNothingRunning();
        }),

        new("dependency-injection", Configuration,
        run =>
        {
            run.Printed("Paris.");
            run.Ran(Phi, 1);
            run.SentToModel(Phi, "What is the capital of France?");
            Assert.All(run.Emulator.RequestLog.Entries, e => Assert.InRange(e.StatusCode, 200, 299));
            run.LeftNothingRunning();
        })
        {
            Arrange = emulator => emulator.Script(Phi).Reply("Paris."),
        },

        new("prompt-tool-calling", Complete with
        {
            Provides = "`ollamaClient`: a chat client with no tool API (a Bytez model with PromptToolCalling off); afterwards asks for the weather with a get_weather tool and prints the answer",
            Before = TextOnlyChatClient("ollamaClient"),
            After = """
                var weather = global::Microsoft.Extensions.AI.AIFunctionFactory.Create(
                    (string city) => { global::Bytez.AI.Docs.Tests.Running.SnippetHost.Record("city", city); return $"18 °C in {city}"; },
                    "get_weather", "Gets the weather in a city.");
                var answer = await chat.GetResponseAsync("What's the weather in Paris?", new global::Microsoft.Extensions.AI.ChatOptions { Tools = [weather] });
                System.Console.WriteLine(answer.Text);
                """,
        },
        run => WeatherToolRoundTrip.Verify(run, "18 °C in Paris", "It is 18 °C in Paris."))
        {
            Arrange = WeatherToolRoundTrip.Script("get_weather", "It is 18 °C in Paris."),
        },

        new("closed-source-models", Client,
        run =>
        {
            // Round 1: gpt-4o answers the tools with a native tool_calls reply; the tool's result goes back as a tool
            // message, and the model's answer quotes it. The response's usage is printed with it.
            var chats = run.Emulator.RequestLog.Entries.Where(static e => e.Kind == EmulatorRequestKind.OpenAIChat && e.ModelId == Gpt4o).ToList();
            Assert.Equal(3, chats.Count);
            Assert.Contains("\"tools\"", chats[0].Body, StringComparison.Ordinal);
            Assert.Contains("\"role\":\"tool\"", chats[1].Body, StringComparison.Ordinal);
            run.SentToModel(Gpt4o, "18 °C in Paris");
            Assert.Matches(@"18 °C in Paris.* \([1-9][0-9]* tokens\)", run.Output);

            // GetResponseAsync<int> sent the JSON schema natively and printed the number the answer carried.
            Assert.Contains("\"json_schema\"", chats[2].Body, StringComparison.Ordinal);
            Assert.EndsWith("\n20\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.DoesNotContain(run.Emulator.RequestLog.Entries, static e => e.Kind is EmulatorRequestKind.V2Run or EmulatorRequestKind.V2RunStream);
            run.LeftNothingRunning();
        }),

        new("semantic-kernel", Configuration,
        run =>
        {
            // The emulated model called the plugin, the result went back to it, and its answer was printed.
            run.SentToModel(ToolModel, "Sunny and 21 °C in Seattle");
            run.Printed("Seattle");
            run.LeftNothingRunning();
        }),

        new("emulator", XunitFacts, run => Assert.True(run.Value<bool>("fact:ChatTests.Answers_with_the_scripted_reply"))),

        new("sample-sk-agent", Client with
        {
            Provides = "the usings of samples/Bytez.AI.Samples.SkAgent/SkAgentApp.cs and its plugins; `client` (a BytezClient for the emulator); prints `reply`",
            Usings = ["Bytez.AI.Samples.SkAgent", "Microsoft.Extensions.AI", "Microsoft.Extensions.DependencyInjection", "Microsoft.SemanticKernel", "Microsoft.SemanticKernel.ChatCompletion"],
            After = "System.Console.WriteLine(reply);",
        },
        run =>
        {
            run.SentToModel(ToolModel, "18 °C and light rain in Oslo");   // WeatherPlugin's answer, back to the model
            run.Printed("Oslo");
            run.LeftNothingRunning();
        }),

        new("sample-agent-framework", Client with
        {
            Provides = "the usings of samples/Bytez.AI.Samples.AgentFramework/AgentFrameworkApp.cs and its tools; `client` (a BytezClient for the emulator)",
            Usings = ["Bytez.AI.Samples.AgentFramework", "Microsoft.Agents.AI", "Microsoft.Extensions.AI"],
        },
        run =>
        {
            run.SentToModel(ToolModel, "18 °C and light rain in Oslo");   // the weather tool's answer, back to the model
            run.Printed("Oslo");
            run.Printed("64.4");                                          // the streamed answer quotes the conversion

            // The session: the second turn's request carries the first turn.
            string last = run.Emulator.RequestLog.Entries.Last(e => e.ModelId == ToolModel && e.Kind == EmulatorRequestKind.V2RunStream).Body;
            Assert.Contains("What is the weather in Oslo today?", last, StringComparison.Ordinal);
            run.LeftNothingRunning();
        }),

        new("sample-provider-swap", Complete with
        {
            Provides = "the usings of samples/Bytez.AI.Samples.ProviderSwap/ProviderSwapApp.cs; `builder` (a host builder), `configuration`, `provider` (from configuration: Bytez), `bytez` (a BytezClient for the emulator), `key`, `endpoint`, `model` (the OpenAI-compatible settings); afterwards builds the host and prints an answer",
            Usings = ["System.ClientModel", "Bytez.AI", "Microsoft.Extensions.AI", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "OpenAI"],
            Environment = _ => new Dictionary<string, string?> { ["Provider"] = "Bytez", ["Bytez__Model"] = Phi, ["Logging__LogLevel__Default"] = "Warning" },
            Before = $"""
                HostApplicationBuilder builder = Host.CreateApplicationBuilder();
                IConfiguration configuration = builder.Configuration;
                string provider = configuration["Provider"] ?? "Bytez";
                using BytezClient bytez = {Host}.Emulator.CreateClient();
                string key = "unused";
                Uri endpoint = new({Host}.Emulator.Endpoint, "models/v2/openai/v1/");
                string model = "{Phi}";
                """,
            After = """
                using (IHost host = builder.Build())
                {
                    System.Console.WriteLine(await host.Services.GetRequiredService<IChatClient>().GetResponseAsync("Which provider?"));
                }
                """,
        },
        run =>
        {
            run.Printed("Bytez answered.");
            run.Ran(Phi, 1);
            run.LeftNothingRunning();
        })
        {
            Arrange = emulator => emulator.Script(Phi).Reply("Bytez answered."),
        },

        new("sample-rag", Client,
        run =>
        {
            run.Printed("Invoices are paid within thirty days of the delivery date.");
            run.Ran("nomic-ai/nomic-embed-text-v1.5", 4);
            run.LeftNothingRunning();
        }),
    ];
}
