using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// Resolves <see cref="BytezChatInputMode.Auto"/> for a model: lists the models once per client and model, reads the
/// model's task and applies <see cref="BytezChatModelKind.Resolve"/>. If the listing fails or does not contain the
/// model, the id heuristic alone decides.
/// </summary>
internal static class BytezChatInputModeResolver
{
    // Per BytezClient (weakly held, so clients are not kept alive), per model id: one resolution, shared by every chat
    // client of that model. A faulted entry (a task that is not chat) keeps throwing the same NotSupportedException.
    private static readonly ConditionalWeakTable<BytezClient, ConcurrentDictionary<string, Lazy<Task<BytezChatInputMode>>>> Cache = [];

    public static Task<BytezChatInputMode> ResolveAsync(BytezModel model, BytezChatInputMode configured, CancellationToken cancellationToken)
    {
        if (configured != BytezChatInputMode.Auto)
        {
            return Task.FromResult(configured);
        }

        var perClient = Cache.GetValue(model.Client, static _ => new(StringComparer.OrdinalIgnoreCase));
        var resolution = perClient.GetOrAdd(
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
