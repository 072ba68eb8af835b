using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Emulator.Tests.Behaviors;

/// <summary>
/// <see cref="BytezEmulatorOptions.BehaviorsByTask"/> and <see cref="BytezEmulatorOptions.BehaviorsByModel"/>: a user's
/// behaviour replaces the built-in one for a task or for one model (which wins), through the real client on each generation.
/// </summary>
public sealed class BehaviorReplacementTests
{
    private const string Llama = "meta-llama/Llama-3.1-8B-Instruct";
    private const string Phi = "microsoft/Phi-3-mini-4k-instruct";
    private const string Summarizer = "ainize/bart-base-cnn";

    [Theory]
    [BothApiVersions]
    public async Task A_model_registration_wins_over_a_task_registration_and_other_tasks_keep_the_built_in_behaviour(BytezApiVersion api)
    {
        var byTask = new FixedChatBehavior("from the text-generation behaviour");
        var byModel = new FixedChatBehavior("from Llama's own behaviour");
        await using var emulator = await EmulatorFixture.StartAsync(api, o =>
        {
            o.BehaviorsByTask["text-generation"] = byTask;
            o.BehaviorsByModel[Llama] = byModel;
        });

        using IChatClient phi = emulator.CreateChat(Phi);
        using IChatClient llama = emulator.CreateChat(Llama);
        Assert.Equal("from the text-generation behaviour", (await phi.GetResponseAsync("Hello?")).Text);
        Assert.Equal("from Llama's own behaviour", (await llama.GetResponseAsync("Hello?")).Text);
        Assert.Equal(1, byTask.Runs);
        Assert.Equal(1, byModel.Runs);

        // Streaming takes the registered behaviour's chunks too.
        string streamed = string.Concat(await llama.GetStreamingResponseAsync("Hello?").Select(u => u.Text).ToListAsync());
        Assert.Equal("from Llama's own behaviour", streamed);

        // A summarization model still gets the built-in summary (the leading sentence of its input).
        BytezRunResult summary = await (await emulator.LoadAsync(Summarizer)).RunAsync("The cat sat on the mat. It was warm.");
        Assert.Contains("The cat sat on the mat.", summary.Output!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1, byTask.Runs);
    }

    [Fact]
    public async Task A_null_registration_fails_at_start_naming_the_fix()
    {
        var options = new BytezEmulatorOptions();
        options.BehaviorsByTask["text-generation"] = null!;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => BytezEmulator.StartAsync(options));
        Assert.Contains("'text-generation'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ITaskBehavior", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A chat model that always answers one sentence, in the v1 chat shape (the messages, then the reply).</summary>
    private sealed class FixedChatBehavior(string reply) : ITaskBehavior
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public JsonObject Run(EmulatorRunRequest request)
        {
            Interlocked.Increment(ref _runs);
            JsonArray conversation = request.Input is JsonArray messages ? (JsonArray)messages.DeepClone() : [];
            conversation.Add((JsonNode)new JsonObject { ["role"] = "assistant", ["content"] = reply });
            return new JsonObject { ["output"] = new JsonArray((JsonNode)new JsonObject { ["generated_text"] = conversation }) };
        }

        public IReadOnlyList<string>? Stream(EmulatorRunRequest request) => [reply[..5], reply[5..]];
    }
}
