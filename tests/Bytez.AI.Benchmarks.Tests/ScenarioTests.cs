using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Measurements;

namespace Bytez.AI.Benchmarks.Tests;

/// <summary>
/// Each benchmark scenario runs once and returns the right result on every path. Timings are never asserted: the
/// benchmarks measure them, these tests only keep the scenarios honest.
/// </summary>
public sealed class ScenarioTests(BenchFixture fixture) : IClassFixture<BenchFixture>
{
    [Fact]
    public async Task Chat_call_returns_the_same_reply_on_all_four_paths()
    {
        var clients = fixture.Clients;
        string[] replies =
        [
            await clients.RawChatAsync(),
            await clients.ProtocolChatAsync(),
            await clients.ChatClientAsync(),
            await clients.OpenAIChatAsync(),
        ];

        Assert.NotEmpty(BenchEmulator.ChatReply);
        Assert.All(replies, reply => Assert.Equal(BenchEmulator.ChatReply, reply));
    }

    [Fact]
    public async Task Streamed_reply_of_200_chunks_is_the_same_text_on_all_four_paths()
    {
        var clients = fixture.Clients;
        var results = new[]
        {
            await clients.RawStreamAsync(),
            await clients.ProtocolStreamAsync(),
            await clients.ChatClientStreamAsync(),
            await clients.OpenAIStreamAsync(),
        };

        Assert.Equal(200, BenchEmulator.StreamChunks.Length);
        Assert.All(results, result =>
        {
            Assert.Equal(BenchEmulator.StreamReply, result.Text);
            Assert.InRange(result.Updates, 1, 200);
            Assert.True(result.FirstUpdate <= result.Total);
        });

        // The OpenAI SSE stream has one event per chunk, so its adapter yields one text update per chunk.
        Assert.Equal(200, results[3].Updates);
    }

    [Fact]
    public async Task Embedding_batch_of_256_gives_the_same_vectors_on_all_three_paths()
    {
        var clients = fixture.Clients;
        var raw = await clients.RawEmbeddingsAsync();
        var protocol = await clients.ProtocolEmbeddingsAsync();
        var generator = await clients.GeneratorEmbeddingsAsync();

        Assert.Equal(256, raw.Length);
        Assert.All(raw, vector => Assert.Equal(384, vector.Length));
        Assert.Equal(raw, protocol);
        Assert.Equal(raw, generator);
        Assert.NotEqual(raw[0], raw[1]);
    }

    [Fact]
    public async Task Image_call_decodes_the_scripted_1_MB_png_on_all_three_paths()
    {
        var clients = fixture.Clients;
        byte[][] images = [await clients.RawImageAsync(), await clients.ProtocolImageAsync(), await clients.ImageGeneratorAsync()];

        Assert.InRange(BenchEmulator.Png.Length, 1_000_000, 1_200_000);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], BenchEmulator.Png[..4]);
        Assert.All(images, image => Assert.Equal(BenchEmulator.Png, image));
    }

    [Fact]
    public async Task Hundred_racing_first_calls_send_one_load_request()
    {
        var (loads, replies) = await RacingFirstCalls.RunAsync(fixture.Emulator, callers: 100);

        Assert.Equal(1, loads);
        Assert.Equal(100, replies.Count);
        Assert.All(replies, reply => Assert.Equal(BenchEmulator.ChatReply, reply));
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var p = Percentiles.Of([.. Enumerable.Range(1, 100).Select(i => (double)i)]);

        Assert.Equal(100, p.Count);
        Assert.Equal(50, p.Median);
        Assert.Equal(95, p.P95);
        Assert.Equal(100, p.Max);
        Assert.Equal(0, Percentiles.Of([]).Count);
    }
}
