using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Measurements;
using Bytez.AI.Benchmarks.Scenarios;
using Bytez.AI.Benchmarks.Server;
using Bytez.AI.Benchmarks.Sweeps;

namespace Bytez.AI.Benchmarks.Tests;

/// <summary>
/// The scenarios, sweeps and streaming-memory measurement run once against the fixed-reply server and every path
/// returns the expected result. Timings and memory figures are never asserted.
/// </summary>
public sealed class FixedServerScenarioTests
{
    [Fact]
    public async Task Every_comparison_path_agrees_on_the_fixed_reply_server()
    {
        await using var server = FixedBench.Start();
        await using var clients = await BenchClients.CreateAsync(server.Endpoint);

        var problems = await ScenarioChecks.RunAsync(clients, "fixed", FixedBench.Vector);

        Assert.Empty(problems);
        Assert.Equal(BenchEmulator.ChatReply, await clients.ProtocolChatNoRetryAsync());
    }

    [Fact]
    public async Task Every_sweep_path_returns_the_expected_result_at_two_sizes()
    {
        int[] sizes = [1, 4];
        await using var server = SweepInputs.StartServer(sizes);
        await using var clients = new SweepClients(server.Endpoint, SweepInputs.StreamChunkChars);
        var problems = new List<string>();

        var results = await SweepRunner.RunAsync(SizeSweeps.All(clients), sizes, SweepBudget.Quick, problems);

        Assert.Empty(problems);
        Assert.Equal(SizeSweeps.All(clients).Sum(s => s.Paths.Count), results.Count);
        Assert.All(results, r => Assert.Equal(sizes, r.Sizes));
        Assert.All(results, r => Assert.All(r.Rounds.Single(), p => Assert.Equal(1, p.Calls)));
    }

    [Fact]
    public async Task A_wrong_result_is_reported_as_a_problem()
    {
        var sweep = new SweepDefinition("Broken", "Returns the wrong text.", kb => "expected", [new SweepPath("Liar", _ => () => Task.FromResult("other"))]);
        var problems = new List<string>();

        await SweepRunner.RunAsync([sweep], [1], SweepBudget.Quick, problems);

        Assert.Single(problems);
        Assert.Contains("Liar", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_memory_paths_stream_the_same_text()
    {
        var problems = new List<string>();

        var results = await StreamingMemory.MeasureAsync(megabytes: 1, runs: 1, problems);

        Assert.Empty(problems);
        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.True(r.AllocatedBytes > 0));
    }

    [Fact]
    public async Task Piece_by_piece_handler_caps_each_read_of_a_stream()
    {
        await using var server = FixedReplyServer.Start();
        server.Set("s", CannedReply.Stream([new string('a', 1000)]));
        using var http = new HttpClient(new PieceByPieceHandler(64) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = server.Endpoint };

        using var response = await http.GetAsync("s", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[8192];
        var reads = new List<int>();
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            reads.Add(read);
        }

        Assert.Equal(1000, reads.Sum());
        Assert.All(reads, r => Assert.InRange(r, 1, 64));
    }
}
