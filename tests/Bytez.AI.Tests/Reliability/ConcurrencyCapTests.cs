using Bytez.AI.Emulator;
using Bytez.AI.Tests.Reliability.Infrastructure;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.Reliability;

/// <summary>
/// A concurrency the server claims is trusted only up to <see cref="BytezInstanceOptions.MaxReportedConcurrency"/> when
/// one call fans out into several runs (issue 14 item 8): a claim of 100,000 does not send one request per input.
/// </summary>
public sealed class ConcurrencyCapTests
{
    private const string Model = TestModels.SentenceSimilarity;

    [Theory]
    [InlineData(null, BytezInstanceOptions.DefaultMaxReportedConcurrency)]
    [InlineData(3, 3)]
    public async Task An_overclaimed_concurrency_is_capped_when_an_embedding_call_fans_out(int? cap, int expectedWidth)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(Model).Fault(EmulatorFault.OverclaimedConcurrency, times: -1, EmulatorOperation.Status);
        h.Emulator.Script(Model).Delay(TimeSpan.FromMilliseconds(20)).Forever(); // runs overlap, so the width shows
        var options = new BytezEmbeddingGeneratorOptions();
        if (cap is { } value)
        {
            options.MaxReportedConcurrency = value;
        }

        var generator = h.Client.GetModel(Model).AsIEmbeddingGenerator(options);
        await using (((IAsyncDisposable)generator).ConfigureAwait(false))
        {
            await generator.GenerateAsync(["warm up"]); // loads: the status claims 100,000
            var before = h.Counter.Attempts;

            var embeddings = await generator.GenerateAsync([.. Enumerable.Range(0, 40).Select(i => $"text number {i}")]);

            Assert.Equal(40, embeddings.Count);
            Assert.Equal(40, h.Counter.Attempts - before);
            Assert.InRange(h.Counter.PeakInFlight, 1, expectedWidth);
        }
    }

    [Fact]
    public async Task A_configured_concurrency_above_the_cap_is_honoured()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(Model).Fault(EmulatorFault.OverclaimedConcurrency, times: -1, EmulatorOperation.Status);
        h.Emulator.Script(Model).Delay(TimeSpan.FromMilliseconds(50)).Forever(); // runs overlap, so the width shows
        var options = new BytezEmbeddingGeneratorOptions { MaxReportedConcurrency = 2, LoadOptions = new BytezLoadOptions { Concurrency = 6 } };

        var generator = h.Client.GetModel(Model).AsIEmbeddingGenerator(options);
        await using (((IAsyncDisposable)generator).ConfigureAwait(false))
        {
            var embeddings = await generator.GenerateAsync([.. Enumerable.Range(0, 12).Select(i => $"text number {i}")]);

            Assert.Equal(12, embeddings.Count);
            Assert.InRange(h.Counter.PeakInFlight, 3, 6); // wider than the cap of 2: the configured 6 is honoured
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(BytezLoadOptions.MaxConcurrency + 1)]
    public async Task A_cap_out_of_range_is_refused_before_any_request(int cap)
    {
        await using var h = await Harness.StartAsync();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            h.Client.GetModel(Model).AsIEmbeddingGenerator(new BytezEmbeddingGeneratorOptions { MaxReportedConcurrency = cap }));

        Assert.Contains("MaxReportedConcurrency", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Counter.Attempts);
    }
}
