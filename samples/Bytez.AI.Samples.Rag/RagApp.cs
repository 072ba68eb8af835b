using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Samples.Rag;

/// <summary>Ingests the bundled documents with Bytez embeddings, retrieves for each question, answers with citations.</summary>
public static class RagApp
{
    private const string EmbeddingModel = "nomic-ai/nomic-embed-text-v1.5";
    private const string ChatModel = "microsoft/Phi-3-mini-4k-instruct";

    /// <summary>The bundled questions; each shares distinctive words with exactly one document.</summary>
    public static IReadOnlyList<string> Questions { get; } =
    [
        "How does the Fresnel lens help a lighthouse keeper light the lantern?",
        "How often should I feed a sourdough starter with flour and water?",
        "What does the waggle dance of a honeybee forager show about nectar?",
    ];

    /// <summary>Runs the sample.</summary>
    /// <param name="args">Optional questions to ask instead of the bundled ones.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="cancellationToken">A token to stop early.</param>
    /// <returns>0 on success.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        SampleConsole.GuardAsync("RAG", output, () => RunCoreAsync(args, output, cancellationToken));

    private static async Task RunCoreAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        await using var environment = await SampleEnvironment.StartAsync(output, ct);
        var progress = new ConsoleLoadProgress(output);
        using var embedder = environment.Client.GetModel(EmbeddingModel).AsIEmbeddingGenerator(new() { LoadProgress = progress });
        using var chat = environment.Client.GetModel(ChatModel).AsIChatClient(new() { LoadProgress = progress });

        output.WriteLine("== Ingest");
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "documents"), "*.md").Order().ToArray();
        var texts = await Task.WhenAll(files.Select(f => File.ReadAllTextAsync(f, ct)));
        var vectors = await embedder.GenerateAsync(texts, cancellationToken: ct);
        var store = new PassageStore();
        for (var i = 0; i < files.Length; i++)
        {
            store.Add(new Passage(Path.GetFileName(files[i]), texts[i], vectors[i].Vector));
        }

        output.WriteLine($"Ingested {store.Count} documents with {EmbeddingModel}.");

        foreach (var question in args.Length > 0 ? args : Questions)
        {
            output.WriteLine("== Question");
            var matches = store.Search(await embedder.GenerateVectorAsync(question, cancellationToken: ct), top: 2);
            output.WriteLine($"Top match for \"{question}\": {matches[0].Passage.Source}");

            var context = new StringBuilder();
            foreach (var (passage, score) in matches)
            {
                output.WriteLine($"  {passage.Source} (similarity {score:0.000})");
                context.AppendLine($"[source: {passage.Source}]").AppendLine(passage.Text);
            }

            var answer = await chat.GetResponseAsync(
                [
                    new(ChatRole.System, "Answer only from the passages below and cite each one you use as [source: file.md].\n\n" + context),
                    new(ChatRole.User, question),
                ],
                cancellationToken: ct);
            output.WriteLine($"Answer: {answer.Text}");
            output.WriteLine($"Sources: {string.Join(" ", matches.Select(m => $"[source: {m.Passage.Source}]"))}");
        }
    }
}
