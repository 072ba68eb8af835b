using System.ComponentModel;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Samples.Tour;

/// <summary>
/// A tour of Bytez.AI: list, load, run, stream, chat, embeddings, an image, a voice round trip (text to speech to
/// text), a tool call, stop. It speaks Bytez's current
/// API (v2, serverless: "load" answers at once and there is nothing to stop) unless the client was set to the legacy v1
/// API, where models are loaded and stopped; it prints which.
/// </summary>
public static class TourApp
{
    private const string TextModel = "openai-community/gpt2";
    private const string ChatModel = "microsoft/Phi-3-mini-4k-instruct";
    private const string EmbeddingModel = "sentence-transformers/all-MiniLM-L6-v2";
    private const string ImageModel = "dreamlike-art/dreamlike-photoreal-2.0";
    private const string ToolModel = "Qwen/Qwen2.5-7B-Instruct";
    private const string SpeechModel = "suno/bark-small";
    private const string RecognitionModel = "facebook/data2vec-audio-base-960h";
    private const string Spoken = "Meet me at the lighthouse at dawn.";

    /// <summary>Runs the tour.</summary>
    /// <param name="args">Optional <c>--output &lt;folder&gt;</c> for the image.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="cancellationToken">A token to stop early (the models started are still stopped).</param>
    /// <returns>0 on success.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        SampleConsole.GuardAsync("Tour", output, () => TourAsync(args, output, cancellationToken));

    private static async Task TourAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        await using var environment = await SampleEnvironment.StartAsync(output, ct);
        var client = environment.Client;
        var progress = new ConsoleLoadProgress(output);
        var serverless = client.ApiVersion == BytezApiVersion.V2;
        output.WriteLine(serverless
            ? "Speaking Bytez API V2: models are serverless, so nothing is loaded or stopped."
            : "Speaking Bytez API V1: models are loaded on first use and stopped when done.");

        // On v1 every M.E.AI adapter loads its model on first use and stops it when disposed; creating one costs nothing.
        using var chat = client.GetModel(ChatModel).AsIChatClient(new() { LoadProgress = progress });
        using var embeddings = client.GetModel(EmbeddingModel).AsIEmbeddingGenerator(new() { LoadProgress = progress });
        using var images = client.GetModel(ImageModel).AsIImageGenerator(new() { LoadProgress = progress });
        using var speech = client.GetModel(SpeechModel).AsITextToSpeechClient(new() { LoadProgress = progress });
        using var recognition = client.GetModel(RecognitionModel).AsISpeechToTextClient(new() { LoadProgress = progress });
        using var tools = new ChatClientBuilder(client.GetModel(ToolModel).AsIChatClient(new() { LoadProgress = progress }))
            .UseFunctionInvocation()
            .Build();

        output.WriteLine("== Models");
        var models = await client.ListModelsAsync(cancellationToken: ct);
        output.WriteLine($"Bytez serves {models.Count} models, for example:");
        foreach (var info in models.Take(5))
        {
            output.WriteLine($"  {info.ModelId} ({info.Task})");
        }

        // The protocol client: load (v1 prints each status change; v2 answers Serverless at once), run, stream, stop.
        output.WriteLine("== Load");
        var gpt2 = client.GetModel(TextModel);
        var load = await gpt2.LoadAsync(progress: progress, cancellationToken: ct);
        output.WriteLine($"{TextModel} is ready ({load.Outcome}).");

        try
        {
            output.WriteLine("== Run");
            var result = await gpt2.RunAsync("Once upon a time there was a", new() { ["max_new_tokens"] = 20 }, ct);
            output.WriteLine(result.GetGeneratedText());

            output.WriteLine("== Stream");
            output.WriteLine("Streamed completion:");
            await foreach (var chunk in gpt2.RunStreamingAsync("The best thing about open models is", cancellationToken: ct))
            {
                output.Write(chunk);
            }

            output.WriteLine();

            output.WriteLine("== Chat");
            var answer = await chat.GetResponseAsync("In one sentence, what is a serverless model?", cancellationToken: ct);
            output.WriteLine($"Assistant: {answer.Text}");

            output.WriteLine("== Streaming chat");
            output.Write("Assistant: ");
            await foreach (var update in chat.GetStreamingResponseAsync("Write a haiku about the sea.", cancellationToken: ct))
            {
                output.Write(update.Text);
            }

            output.WriteLine();

            output.WriteLine("== Embeddings");
            string[] texts = ["The cat sat on the warm mat", "A cat is sleeping on the mat", "Interest rates rose again this quarter"];
            var vectors = await embeddings.GenerateAsync(texts, cancellationToken: ct);
            output.WriteLine($"{vectors.Count} vectors of {vectors[0].Vector.Length} dimensions");
            output.WriteLine($"similarity(\"{texts[0]}\", \"{texts[1]}\") = {Similarity(vectors[0], vectors[1]):0.000}");
            output.WriteLine($"similarity(\"{texts[0]}\", \"{texts[2]}\") = {Similarity(vectors[0], vectors[2]):0.000}");

            output.WriteLine("== Image");
            var picture = await images.GenerateImagesAsync("A lighthouse on a cliff at dawn", cancellationToken: ct);
            var png = picture.Contents.OfType<DataContent>().First();
            var folder = OutputFolder(args);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "lighthouse.png");
            await File.WriteAllBytesAsync(path, png.Data, ct);
            output.WriteLine($"Saved {png.MediaType} image to {path} ({png.Data.Length} bytes)");

            output.WriteLine("== Voice");
            var voice = await speech.GetAudioAsync(Spoken, cancellationToken: ct);
            var wav = voice.Contents.OfType<DataContent>().First();
            var wavPath = Path.Combine(folder, "lighthouse.wav");
            await File.WriteAllBytesAsync(wavPath, wav.Data, ct);
            output.WriteLine($"Said \"{Spoken}\": saved {wav.MediaType} audio to {wavPath} ({wav.Data.Length} bytes)");
            var heard = await recognition.GetTextAsync(wav, cancellationToken: ct);
            output.WriteLine($"Heard: {heard.Text}");

            output.WriteLine("== Tools");
            var options = new ChatOptions { Tools = [AIFunctionFactory.Create(GetWeather, "get_weather")] };
            var reply = await tools.GetResponseAsync("What is the weather in Paris?", options, ct);
            foreach (var message in reply.Messages)
            {
                foreach (var content in message.Contents)
                {
                    if (content is FunctionCallContent call)
                    {
                        output.WriteLine($"Tool call: {call.Name}({string.Join(", ", call.Arguments?.Select(a => $"{a.Key}: {a.Value}") ?? [])})");
                    }
                    else if (content is FunctionResultContent toolResult)
                    {
                        output.WriteLine($"Tool result: {toolResult.Result}");
                    }
                }
            }

            output.WriteLine($"Answer: {reply.Text}");
        }
        finally
        {
            // Stop on the way out, even after a failure or Ctrl+C: Bytez bills running instances.
            output.WriteLine("== Stop");
            if (load.StartedByThisRequest)
            {
                await gpt2.StopAsync(CancellationToken.None);
                output.WriteLine($"Stopped {TextModel}");
            }

            // Disposing an adapter stops the instance it started (v1), and leaves alone one that was already running.
            foreach (var (modelId, adapter) in new (string, IDisposable)[] { (ChatModel, chat), (EmbeddingModel, embeddings), (ImageModel, images), (SpeechModel, speech), (RecognitionModel, recognition), (ToolModel, tools) })
            {
                adapter.Dispose();
                output.WriteLine($"Stopped {modelId} (if the tour started it)");
            }

            if (serverless)
            {
                output.WriteLine("Serverless: no instance was started, so none is left running.");
            }
            else
            {
                var running = await client.ListInstancesAsync(CancellationToken.None);
                output.WriteLine($"Instances still running: {running.Count}");
            }
        }
    }

    [Description("Gets the current weather for a city.")]
    private static string GetWeather([Description("The city name")] string city) => $"21 °C and sunny in {city}";

    private static float Similarity(Embedding<float> a, Embedding<float> b) =>
        TensorPrimitives.CosineSimilarity(a.Vector.Span, b.Vector.Span);

    private static string OutputFolder(string[] args)
    {
        var index = Array.IndexOf(args, "--output");
        return index >= 0 && index + 1 < args.Length
            ? args[index + 1]
            : Path.Combine(Path.GetTempPath(), "bytez-samples");
    }
}
