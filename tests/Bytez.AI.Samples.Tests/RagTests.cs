using Bytez.AI.Samples.Rag;

namespace Bytez.AI.Samples.Tests;

public sealed class RagTests
{
    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task Bundled_questions_retrieve_the_right_documents_and_answers_cite_them(BytezApiVersion api)
    {
        var run = await SampleRun.StartAsync(api, RagApp.RunAsync);

        run.AssertSucceededAndStoppedEverything();
        Assert.Contains("\nIngested 8 documents with nomic-ai/nomic-embed-text-v1.5.\n", run.Output, StringComparison.Ordinal);
        string[] expected = ["lighthouses.md", "sourdough.md", "honeybees.md"];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], run.LineAfter($"Top match for \"{RagApp.Questions[i]}\": "));
            Assert.Contains($"Sources: [source: {expected[i]}]", run.Output, StringComparison.Ordinal);
        }

        Assert.Equal(3, run.Output.Split("\nAnswer: ").Length - 1);
    }
}
