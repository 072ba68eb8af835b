using System.Collections.Concurrent;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// Resolves <see cref="BytezChatInputMode.Auto"/> for the chat models of one <see cref="BytezClient"/> (held by the
/// client, so every chat client of a model shares one resolution): lists the models once per model, reads the model's
/// task and applies <see cref="BytezChatModelKind.Resolve"/>. If the listing fails or does not contain the model, the
/// id heuristic alone decides.
/// </summary>
internal sealed class BytezChatInputModes
{
    // Per model id, one resolution. A faulted entry (a task that is not chat) keeps throwing the same NotSupportedException.
    private readonly ConcurrentDictionary<string, Lazy<Task<BytezChatInputMode>>> _resolutions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the input mode of <paramref name="model"/>: <paramref name="configured"/>, unless it is Auto.</summary>
    /// <param name="model">The model that runs the call.</param>
    /// <param name="configured">The configured mode.</param>
    /// <param name="cancellationToken">Stops this caller's wait (not the shared listing).</param>
    /// <returns>Messages or Prompt.</returns>
    public Task<BytezChatInputMode> ResolveAsync(BytezModel model, BytezChatInputMode configured, CancellationToken cancellationToken)
    {
        if (configured != BytezChatInputMode.Auto)
        {
            return Task.FromResult(configured);
        }

        var resolution = _resolutions.GetOrAdd(
            model.ModelId,
            static (_, m) => new Lazy<Task<BytezChatInputMode>>(() => ListAndResolveAsync(m)),
            model);

        // The shared listing is not tied to one caller's token; each caller can still stop waiting for it.
        return resolution.Value.WaitAsync(cancellationToken);
    }

    private static async Task<BytezChatInputMode> ListAndResolveAsync(BytezModel model)
    {
        string? task = null;
        try
        {
            IReadOnlyList<BytezModelInfo> models = await model.Client.ListModelsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            task = models.FirstOrDefault(m => string.Equals(m.ModelId, model.ModelId, StringComparison.OrdinalIgnoreCase))?.Task;
        }
#pragma warning disable CA1031 // Any listing failure (HTTP, protocol, timeout) falls back to the id heuristic by design.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ChatLog.ListingFailed(model.Client.Logger, model.ModelId, ex.Message);
        }

        BytezChatInputMode mode = BytezChatModelKind.Resolve(model.ModelId, task);
        ChatLog.InputModeResolved(model.Client.Logger, model.ModelId, task ?? "(unknown)", mode);
        return mode;
    }
}
