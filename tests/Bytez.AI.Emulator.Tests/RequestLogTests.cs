using System.Net;

namespace Bytez.AI.Emulator.Tests;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Counts_each_kind_per_model_with_status_codes()
    {
        await using var h = await Harness.StartAsync();
        await h.GetAsync("model/list");
        await h.GetAsync("model/instances");
        await h.LoadAsync(TestModels.TextGeneration);
        await h.PostAsync("model/run", """{"model":"openai-community/gpt2","input":"x"}""");
        await h.PostAsync("models/v2/openai-community/gpt2", """{"text":"x"}""");
        await h.PostAsync("models/v2/openai/v1/chat/completions", """{"model":"Qwen/Qwen3-4B","messages":[{"role":"user","content":"x"}]}""");
        await h.PostAsync("model/delete", """{"model":"openai-community/gpt2"}""");
        await h.GetAsync("nowhere");

        var log = h.Emulator.RequestLog;
        Assert.Equal(1, log.Count(EmulatorRequestKind.ListModels));
        Assert.Equal(1, log.Count(EmulatorRequestKind.ListInstances));
        Assert.Equal(1, log.LoadCount(TestModels.TextGeneration));
        Assert.Equal(1, log.Count(EmulatorRequestKind.Status, TestModels.TextGeneration));
        Assert.Equal(1, log.StopCount(TestModels.TextGeneration));
        Assert.Equal(2, log.RunCount(TestModels.TextGeneration));
        Assert.Equal(1, log.RunCount(TestModels.ToolChat));
        Assert.Equal(3, log.RunCount());
        Assert.Equal(1, log.InstancesStarted);
        Assert.Equal(1, log.InstancesStopped);
        var unknown = Assert.Single(log.Entries, e => e.Kind == EmulatorRequestKind.Unknown);
        Assert.Equal(404, unknown.StatusCode);
        Assert.All(log.Entries.Where(e => e.Kind != EmulatorRequestKind.Unknown), e => Assert.Equal(200, e.StatusCode));

        var run = log.Entries.Single(e => e.Kind == EmulatorRequestKind.Run);
        Assert.Equal("POST", run.Method);
        Assert.Equal("/model/run", run.Path);
        Assert.Contains("\"input\":\"x\"", run.Body, StringComparison.Ordinal);

        log.Clear();
        Assert.Empty(log.Entries);
        Assert.Equal(0, log.InstancesStarted);
    }

    [Fact]
    public async Task Rejected_requests_are_logged_with_their_status()
    {
        await using var h = await Harness.StartAsync(o => o.AcceptedApiKeys = ["k"], authorization: "Key wrong");
        var (status, _) = await h.PostAsync("model/load", """{"model":"openai-community/gpt2"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        var entry = Assert.Single(h.Emulator.RequestLog.Entries);
        Assert.Equal(EmulatorRequestKind.Load, entry.Kind);
        Assert.Equal(401, entry.StatusCode);
    }

    [Fact]
    public async Task Racing_loads_start_one_instance()
    {
        await using var h = await Harness.StartAsync(o => o.StartingDelay = TimeSpan.FromSeconds(30));
        var loads = Enumerable.Range(0, 20).Select(_ => h.PostAsync("model/load", """{"model":"openai-community/gpt2"}"""));
        var results = await Task.WhenAll(loads);

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(19, results.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        Assert.Equal(1, h.Emulator.RequestLog.InstancesStarted);
        Assert.Equal(20, h.Emulator.RequestLog.LoadCount(TestModels.TextGeneration));
    }
}
