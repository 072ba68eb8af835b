using System.Collections.Concurrent;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// Learns the task of the chat models of one <see cref="BytezClient"/> (held by the client, so every chat client of a
/// model shares one lookup): lists the model once (<c>list/models?modelId=</c> on v2), and resolves
/// <see cref="BytezChatInputMode.Auto"/> from the task with <see cref="BytezChatModelKind.Resolve"/>.
/// </summary>
/// <remarks>
/// A listing that fails for a reason that would fail the run too (the key is refused, the endpoint or API generation is
/// wrong, no credits) is thrown, never hidden behind a guess, and not remembered: the next call asks again. Any other
/// failure (a timeout, a 5xx, an odd body) leaves the task unknown, and the id heuristic decides the input mode.
/// </remarks>
internal sealed class BytezChatInputModes
{
    // Per model id, one lookup of its task.
    private readonly ConcurrentDictionary<string, Lazy<Task<ModelTask>>> _tasks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the input mode of <paramref name="model"/> and, when it was learnt, its task.</summary>
    /// <param name="model">The model that runs the call.</param>
    /// <param name="configured">The configured mode; anything but Auto is used as it is.</param>
    /// <param name="needTask">Whether the task is needed even when the mode is configured (media must match the task).</param>
    /// <param name="cancellationToken">Stops this caller's wait (not the shared listing).</param>
    /// <returns>Messages or Prompt, and the task (null when unknown or not looked up).</returns>
    /// <exception cref="NotSupportedException">The model's task is not a chat or text-generation task.</exception>
    public ValueTask<(BytezChatInputMode Mode, string? Task)> ResolveAsync(
        BytezModel model, BytezChatInputMode configured, bool needTask, CancellationToken cancellationToken)
    {
        if (configured != BytezChatInputMode.Auto && !needTask)
        {
            return new((configured, null));
        }

        // Every call after the first finds the listing done: answered at once, with no state machine or task.
        if (_tasks.TryGetValue(model.ModelId, out Lazy<Task<ModelTask>>? lookup) && lookup.IsValueCreated && lookup.Value.IsCompletedSuccessfully)
        {
            return new(Pick(model, configured, lookup.Value.Result));
        }

        return ResolveSlowAsync(model, configured, cancellationToken);
    }

    private async ValueTask<(BytezChatInputMode Mode, string? Task)> ResolveSlowAsync(BytezModel model, BytezChatInputMode configured, CancellationToken cancellationToken) =>
        Pick(model, configured, await TaskOfAsync(model, cancellationToken).ConfigureAwait(false));

    private static (BytezChatInputMode Mode, string? Task) Pick(BytezModel model, BytezChatInputMode configured, ModelTask learnt) =>
        (configured != BytezChatInputMode.Auto ? configured : learnt.AutoMode ?? BytezChatModelKind.Resolve(model.ModelId, learnt.Task), learnt.Task);

    private async Task<ModelTask> TaskOfAsync(BytezModel model, CancellationToken cancellationToken)
    {
        var lookup = _tasks.GetOrAdd(
            model.ModelId,
            static (_, m) => new Lazy<Task<ModelTask>>(() => ListTaskAsync(m)),
            model);
        try
        {
            // The shared listing is not tied to one caller's token; each caller can still stop waiting for it.
            return await lookup.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BytezException) when (lookup.Value.IsFaulted)
        {
            // Thrown failures are not remembered: the next call looks the model up again.
            _ = _tasks.TryRemove(new KeyValuePair<string, Lazy<Task<ModelTask>>>(model.ModelId, lookup));
            throw;
        }
    }

    private static async Task<ModelTask> ListTaskAsync(BytezModel model)
    {
        string? task = null;
        try
        {
            IReadOnlyList<BytezModelInfo> models = await model.Client.ListModelsAsync(null, model.ModelId, CancellationToken.None).ConfigureAwait(false);
            task = models.Count > 0 ? models[0].Task : null;
        }
#pragma warning disable CA1031 // Any other listing failure (network, 5xx, protocol, timeout) falls back to the id heuristic by design.
        catch (Exception ex) when (ex is not (BytezUnauthorizedException or BytezNotFoundException or BytezOutOfCreditsException))
#pragma warning restore CA1031
        {
            ChatLog.ListingFailed(model.Client.Logger, model.ModelId, ex.Message);
        }

        ChatLog.TaskResolved(model.Client.Logger, model.ModelId, task ?? "(unknown)");
        return new ModelTask(task, BytezChatModelKind.TryResolve(model.ModelId, task, out BytezChatInputMode mode) ? mode : null);
    }

    /// <summary>What was learnt of a model once: its task, and the input mode Auto picks for it, so that no call after the
    /// first looks at the id again (a model listed as text-generation is judged by its name, which splits the name).</summary>
    /// <param name="Task">The task; null when unknown.</param>
    /// <param name="AutoMode">The mode Auto resolves to; null when the task is no chat task (each call then throws the error).</param>
    private sealed record ModelTask(string? Task, BytezChatInputMode? AutoMode);
}
