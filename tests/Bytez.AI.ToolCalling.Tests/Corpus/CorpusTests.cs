using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests.Corpus;

/// <summary>
/// Every output of <see cref="ToolOutputCorpus"/> parsed whole, character by character, in 3-character chunks and in
/// five random chunkings (seeded, so a failure repeats): the same contents and finish reason every time, and the
/// expected ones.
/// </summary>
public class CorpusTests
{
    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < ToolOutputCorpus.Cases.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Each_output_parses_to_the_expected_contents_whole_and_in_any_chunks(int index)
    {
        CorpusCase c = ToolOutputCorpus.Cases[index];
        ToolCallFormat format = CorpusProfiles.Format(c.Profile);

        ToolParseResult whole = format.Parse(c.Output, CorpusProfiles.Tools);
        Assert.True(c.Expected == ContentDescriber.Describe(whole.Contents), $"{c.Source}: whole output gave {ContentDescriber.Describe(whole.Contents)}");

        var random = new Random(1000 + index);
        IEnumerable<IEnumerable<string>> chunkings =
        [
            Chunk(c.Output, static _ => 1),
            Chunk(c.Output, static _ => 3),
            .. Enumerable.Range(0, 5).Select(_ => Chunk(c.Output, r => random.Next(1, 13))),
        ];
        foreach (var chunks in chunkings)
        {
            List<string> pieces = [.. chunks];
            var (description, finish, _) = ContentDescriber.Stream(format, pieces, CorpusProfiles.Tools);
            Assert.True(c.Expected == description, $"{c.Source}: chunks [{string.Join("|", pieces)}] gave {description}");
            Assert.Equal(whole.FinishReason, finish);
        }
    }

    [Fact]
    public void The_corpus_covers_every_format_and_names_its_sources()
    {
        var cases = ToolOutputCorpus.Cases;

        Assert.True(cases.Count >= 120, $"{cases.Count} cases");
        Assert.All(["hermes", "llama3", "mistral", "pythonic"], profile => Assert.Contains(cases, c => c.Profile == profile));
        Assert.All(cases, static c => Assert.Matches("^(llama\\.cpp tests/|vLLM tests/|NexusRaven-V2 model card)", c.Source));
        Assert.Contains(cases, static c => c.Expected.Contains("R:", StringComparison.Ordinal));
        Assert.Contains(cases, static c => c.Expected.Contains("E:", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Chunk(string text, Func<int, int> size)
    {
        for (int i = 0; i < text.Length;)
        {
            int n = Math.Min(size(i), text.Length - i);
            yield return text.Substring(i, n);
            i += n;
        }
    }
}
