using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>Many first calls racing on a model that is not loaded yet: the adapter must send one load request.</summary>
public static class RacingFirstCalls
{
    /// <summary>Races <paramref name="callers"/> first chat calls on a fresh model and counts the load requests.</summary>
    /// <param name="emulator">An emulator from <see cref="BenchEmulator.StartAsync"/>.</param>
    /// <param name="callers">How many callers race.</param>
    /// <returns>The load requests the emulator received and the replies.</returns>
    public static async Task<(int Loads, IReadOnlyList<string> Replies)> RunAsync(BytezEmulator emulator, int callers = 100)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var modelId = $"bench/race-{Guid.NewGuid():N}-instruct";
        BenchEmulator.AddChatModel(emulator, modelId);

        using var client = new BytezClient(new BytezClientOptions
        {
            Endpoint = emulator.Endpoint,
            ApiKey = BenchEmulator.ApiKey,
            ApiVersion = BytezApiVersion.V1, // racing first calls measure the v1 single-flight load
            LoadPollInterval = TimeSpan.FromMilliseconds(5),
        });
        var chat = client.GetModel(modelId).AsIChatClient(new BytezChatClientOptions { InputMode = BytezChatInputMode.Messages });
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var calls = Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
            {
                await start.Task.ConfigureAwait(false);
                return (await chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Caller {i}")]).ConfigureAwait(false)).Text;
            })).ToArray();
            start.SetResult();
            var replies = await Task.WhenAll(calls).ConfigureAwait(false);
            return (emulator.RequestLog.LoadCount(modelId), replies);
        }
        finally
        {
            await Disposal.DisposeAllAsync(chat).ConfigureAwait(false);
        }
    }
}
