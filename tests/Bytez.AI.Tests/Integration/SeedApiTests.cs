using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Bytez.AI.Tests.Integration;

/// <summary>
/// The seed's API walkthrough in C# (list, load, status, run, run with params, stream, stop, instances, process) against
/// the emulator over loopback HTTP, on each API generation where the operation exists (the emulator serving that
/// generation only); the v1 instance lifecycle on v1, and its serverless answers on v2. Each test has its own emulator,
/// so instance tables and request logs are its own. Where the order of status values matters, the emulator runs on a
/// fake clock that the test moves, so no timing decides the outcome.
/// </summary>
public sealed class SeedApiTests
{
    private const string Gpt2 = "openai-community/gpt2";
    private const string Prompt = "Once upon a time there was a";

    [Theory]
    [BothApiVersions]
    public async Task List_available_models(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);

        var models = await session.Client.ListModelsAsync();

        var gpt2 = Assert.Single(models, m => m.ModelId == Gpt2);
        Assert.Equal("text-generation", gpt2.Task);
        Assert.Equal(0.5, gpt2.RamRequired);
        Assert.All(models, m => Assert.NotNull(m.RamRequired));
        Assert.Equal(30, models.Select(m => m.Task).Distinct().Count(t => BytezTasks.V1.Contains(t!)));
        var closedSource = session.Emulator.Models.Where(m => m.Provider is not null).Select(m => m.ModelId).ToList();
        Assert.Equal(5, closedSource.Count);
        if (api == BytezApiVersion.V1)
        {
            // v1 had no chat task and no closed-source models.
            Assert.Equal(session.Emulator.Models.Count - closedSource.Count, models.Count);
            Assert.DoesNotContain(models, m => m.Task == BytezTasks.Chat || closedSource.Contains(m.ModelId));
        }
        else
        {
            Assert.Equal(session.Emulator.Models.Count, models.Count);
            var qwen = Assert.Single(models, m => m.ModelId == "Qwen/Qwen3-4B");
            Assert.Equal(BytezTasks.Chat, qwen.Task);
            Assert.NotNull(qwen.Meter);
            Assert.EndsWith(" / sec", qwen.MeterPrice, StringComparison.Ordinal);
            Assert.NotNull(qwen.ParametersInBillions);
        }
    }

    [Theory]
    [BothApiVersions]
    public async Task List_models_by_task(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);

        var models = await session.Client.ListModelsAsync(BytezTasks.ZeroShotClassification);

        var only = Assert.Single(models);
        Assert.Equal("facebook/bart-large-mnli", only.ModelId);
        Assert.Equal(
            api == BytezApiVersion.V1 ? "model/list?task=zero-shot-classification" : "models/v2/list/models?task=zero-shot-classification",
            session.Log.LastRequest(session.ListKind).Path.TrimStart('/'));
    }

    [Theory]
    [BothApiVersions]
    public async Task List_models_by_task_and_model_id(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);

        var found = await session.Client.ListModelsAsync(BytezTasks.TextGeneration, Gpt2);
        var otherTask = await session.Client.ListModelsAsync(BytezTasks.Summarization, Gpt2);

        Assert.Equal(Gpt2, Assert.Single(found).ModelId);
        Assert.Empty(otherTask);

        // v2 filters on the server with task and modelId joined by '&'; v1 has no such filter, so the client filters.
        Assert.Equal(
            api == BytezApiVersion.V1 ? "model/list?task=text-generation" : "models/v2/list/models?task=text-generation&modelId=openai-community%2Fgpt2",
            session.Emulator.RequestLog.Entries.First(e => e.Kind == session.ListKind).Path.TrimStart('/'));
    }

    [Theory]
    [BothApiVersions]
    public async Task List_tasks(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);

        if (api == BytezApiVersion.V1)
        {
            var ex = await Assert.ThrowsAsync<NotSupportedException>(() => session.Client.ListTasksAsync());
            Assert.Contains("ApiVersion = BytezApiVersion.V2", ex.Message, StringComparison.Ordinal);
            Assert.Contains("BytezTasks.V1", ex.Message, StringComparison.Ordinal);
            Assert.Empty(session.Emulator.RequestLog.Entries);
            return;
        }

        var tasks = await session.Client.ListTasksAsync();

        Assert.Equal(34, tasks.Count);
        Assert.Contains(BytezTasks.Chat, tasks);
        Assert.All(BytezTasks.V1, t => Assert.Contains(t, tasks));
        Assert.Equal("models/v2/list/tasks", session.Log.LastRequest(EmulatorRequestKind.V2ListTasks).Path.TrimStart('/'));
    }

    [Fact]
    public async Task V2_lifecycle_calls_answer_without_a_request_or_name_the_v1_fix()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        var model = session.Model(Gpt2);

        var load = await model.LoadAsync();
        var start = await model.StartAsync();
        var status = await Assert.ThrowsAsync<NotSupportedException>(() => model.GetStatusAsync());
        var stop = await Assert.ThrowsAsync<NotSupportedException>(() => model.StopAsync());
        var instances = await Assert.ThrowsAsync<NotSupportedException>(() => session.Client.ListInstancesAsync());

        Assert.Equal(BytezLoadOutcome.Serverless, load.Outcome);
        Assert.Equal(BytezLoadOutcome.Serverless, start.Outcome);
        Assert.Null(load.Status);
        Assert.False(load.StartedByThisRequest);
        Assert.All([status, stop, instances], ex => Assert.Contains("ApiVersion = BytezApiVersion.V1", ex.Message, StringComparison.Ordinal));
        Assert.Contains("BytezModel.GetStatusAsync", status.Message, StringComparison.Ordinal);
        Assert.Contains("BytezModel.StopAsync", stop.Message, StringComparison.Ordinal);
        Assert.Contains("BytezClient.ListInstancesAsync", instances.Message, StringComparison.Ordinal);
        Assert.Empty(session.Emulator.RequestLog.Entries);

        // And the model runs at once: serverless, nothing was loaded.
        Assert.StartsWith(Prompt, (await model.RunAsync(Prompt)).GetGeneratedText(), StringComparison.Ordinal);
        Assert.Equal(0, session.Emulator.RequestLog.InstancesStarted);
    }

    [Fact]
    public async Task Load_reports_STARTING_INSTANTIATING_RUNNING_in_order()
    {
        var clock = new FakeTimeProvider();
        var startingDelay = TimeSpan.FromSeconds(30);
        var instantiatingDelay = TimeSpan.FromSeconds(60);
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1, o =>
        {
            o.TimeProvider = clock;
            o.StartingDelay = startingDelay;
            o.InstantiatingDelay = instantiatingDelay;
        });

        // Each reported status moves the emulator's clock to the end of that phase, so the next poll sees the next one.
        var progress = new RecordingProgress<BytezLoadProgress>(p =>
        {
            if (p.Status == BytezModelStatuses.Starting)
            {
                clock.Advance(startingDelay + TimeSpan.FromMilliseconds(1));
            }
            else if (p.Status == BytezModelStatuses.Instantiating)
            {
                clock.Advance(instantiatingDelay + TimeSpan.FromMilliseconds(1));
            }
        });
        var model = session.Model(Gpt2);

        var result = await model.LoadAsync(new BytezLoadOptions { Concurrency = 1, IdleTimeout = TimeSpan.FromSeconds(300) }, progress);

        Assert.Equal(BytezLoadOutcome.Started, result.Outcome);
        Assert.True(result.StartedByThisRequest);
        Assert.True(result.Status!.IsRunning);
        Assert.Equal(["STARTING", "INSTANTIATING", "RUNNING"], progress.Items.Select(p => p.Status));
        Assert.All(progress.Items, p => Assert.Equal(Gpt2, p.ModelId));
        Assert.Equal(1, session.Emulator.RequestLog.LoadCount(Gpt2));
        Assert.Equal(3, session.Emulator.RequestLog.Count(EmulatorRequestKind.Status, Gpt2));
        Assert.Equal(1, session.Emulator.RequestLog.InstancesStarted);
    }

    [Fact]
    public async Task Check_model_status()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        var model = await session.LoadAsync(Gpt2);

        var status = await model.GetStatusAsync();

        Assert.Equal(Gpt2, status.Model);
        Assert.Equal("RUNNING", status.Status);
        Assert.True(status.IsRunning);
        Assert.Equal(1, status.Concurrency);
        Assert.Equal(300, status.ExpirationPeriodSeconds);
        Assert.Equal(0, status.Inferences);
        Assert.NotNull(status.ExpiresAt);
        Assert.NotNull(status.Created);
    }

    [Theory]
    [BothApiVersions]
    public async Task Run_a_model(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await session.LoadAsync(Gpt2);

        var output = await model.RunAsync(Prompt);

        var text = output.GetGeneratedText();
        Assert.StartsWith(Prompt, text, StringComparison.Ordinal); // text generation echoes the prompt
        Assert.True(text.Length > Prompt.Length);
        Assert.Equal(1, session.Emulator.RequestLog.Count(session.RunKind, Gpt2));
        if (api == BytezApiVersion.V1)
        {
            Assert.Equal(1, (await model.GetStatusAsync()).Inferences);
        }
    }

    [Theory]
    [BothApiVersions]
    public async Task Run_a_model_with_HuggingFace_params(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await session.LoadAsync(Gpt2);

        var output = await model.RunAsync(Prompt, new JsonObject { ["max_new_tokens"] = 1, ["min_new_tokens"] = 1 });

        var text = output.GetGeneratedText();
        Assert.StartsWith(Prompt + " ", text, StringComparison.Ordinal);
        var newWords = text[Prompt.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(newWords);
    }

    [Theory]
    [BothApiVersions]
    public async Task Stream_the_response(BytezApiVersion api)
    {
        const string JackAndJill = "Jack and Jill";

        // The emulator waits StreamChunkDelay on its own (fake) clock between chunks: until the test moves that clock,
        // only the first chunk has been sent, so receiving it proves the client yields text as it arrives.
        var clock = new FakeTimeProvider();
        await using var session = await EmulatorFixture.StartAsync(api, o =>
        {
            o.TimeProvider = clock;
            o.StartingDelay = TimeSpan.Zero;
            o.InstantiatingDelay = TimeSpan.Zero;
            o.StreamChunkDelay = TimeSpan.FromSeconds(1);
        });
        var model = await session.LoadAsync(Gpt2);
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var chunks = new List<string>();
        var finished = false;
        Task? ticker = null;

        await foreach (var chunk in model.RunStreamingAsync(JackAndJill, cancellationToken: hangGuard.Token))
        {
            chunks.Add(chunk);
            ticker ??= Task.Run(async () =>
            {
                while (!Volatile.Read(ref finished))
                {
                    clock.Advance(TimeSpan.FromSeconds(1));
                    await Task.Delay(1);
                }
            });
        }

        Volatile.Write(ref finished, true);
        await ticker!;

        Assert.True(chunks.Count > 1, $"expected several chunks, got {chunks.Count}");
        var text = string.Concat(chunks);
        Assert.StartsWith(JackAndJill, text, StringComparison.Ordinal); // text generation echoes the prompt
        Assert.True(text.Length > JackAndJill.Length);
        Assert.Equal(1, session.Emulator.RequestLog.Count(session.StreamKind, Gpt2));
    }

    [Fact]
    public async Task Shutdown_a_model()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        var model = await session.LoadAsync(Gpt2);

        await model.StopAsync();

        var status = await model.GetStatusAsync();
        Assert.NotEqual("RUNNING", status.Status);
        Assert.False(status.IsRunning);
        Assert.Equal(1, session.Emulator.RequestLog.StopCount(Gpt2));
        Assert.Equal(1, session.Emulator.RequestLog.InstancesStopped);
        await Assert.ThrowsAsync<BytezModelNotRunningException>(() => model.RunAsync(Prompt));
    }

    [Fact]
    public async Task List_running_instances()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        Assert.Empty(await session.Client.ListInstancesAsync());
        var model = await session.LoadAsync(Gpt2);

        var instances = await session.Client.ListInstancesAsync();

        var instance = Assert.Single(instances);
        Assert.Equal(Gpt2, instance.Model);
        Assert.True(instance.IsRunning);

        await model.StopAsync();

        Assert.DoesNotContain(await session.Client.ListInstancesAsync(), i => i.Model == Gpt2);
    }

    [Fact]
    public async Task Request_a_model_already_on_Bytez()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);

        // The seed's own example: gpt2 is served already, so its job reports it available.
        var jobStatus = await session.Client.RequestModelAsync(Gpt2);

        Assert.True(jobStatus.Success);
        Assert.Equal(Gpt2, jobStatus.Model);
        Assert.Equal("Model available", jobStatus.Message);
        Assert.NotNull(jobStatus.EndTime);
    }

    [Fact]
    public async Task Request_a_model_on_v2_posts_request_with_the_id_in_the_path()
    {
        const string NewModel = "chavinlo/alpaca-native";
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V2);

        var job = await session.Client.RequestModelAsync(NewModel);

        Assert.True(job.Success);
        Assert.Equal(NewModel, job.Model);
        Assert.Equal("Job queued", job.Message);
        var entry = session.Log.LastRequest(EmulatorRequestKind.V2Request);
        Assert.Equal(("POST", "models/v2/request/chavinlo/alpaca-native", ""), (entry.Method, entry.Path.TrimStart('/'), entry.Body));
    }

    [Fact]
    public async Task Request_a_Huggingface_model_not_yet_on_Bytez_reports_the_job_sequence()
    {
        const string NewModel = "chavinlo/alpaca-native";
        var clock = new FakeTimeProvider();
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1, o =>
        {
            o.TimeProvider = clock;
            o.JobDelay = TimeSpan.FromMinutes(10);
        });

        var queued = await session.Client.RequestModelAsync(NewModel);
        var again = await session.Client.RequestModelAsync(NewModel);
        clock.Advance(TimeSpan.FromMinutes(10));
        var done = await session.Client.RequestModelAsync(NewModel);

        Assert.True(queued.Success);
        Assert.Equal(NewModel, queued.Model);
        Assert.Null(queued.Message);
        Assert.NotNull(queued.Modified);
        Assert.Equal("Model is already queued", again.Message);
        Assert.Null(again.StartTime);
        Assert.Equal("Model available", done.Message);
        Assert.NotNull(done.StartTime);
        Assert.NotNull(done.EndTime);
        Assert.Contains(await session.Client.ListModelsAsync(BytezTasks.TextGeneration), m => m.ModelId == NewModel);
        Assert.All(session.Emulator.RequestLog.Entries.Where(e => e.Kind == EmulatorRequestKind.Job),
            e => Assert.Equal("""{"model":"chavinlo/alpaca-native"}""", e.Body));
    }
}
