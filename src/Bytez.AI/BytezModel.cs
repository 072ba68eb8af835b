using System.Text.Json.Nodes;

namespace Bytez.AI;

/// <summary>
/// One Bytez model: start or load an instance, read its status, run it (JSON or streamed text) and stop it.
/// Obtained from <see cref="BytezClient.GetModel"/>.
/// </summary>
public sealed partial class BytezModel
{
    /// <summary>Gets the model id, such as <c>openai-community/gpt2</c>.</summary>
    public string ModelId => throw new NotImplementedException();

    /// <summary>Gets the client this model belongs to.</summary>
    public BytezClient Client => throw new NotImplementedException();

    /// <summary>Asks Bytez to start an instance (<c>POST model/load</c>) without waiting for it to be ready.</summary>
    /// <param name="options">Concurrency and idle timeout; defaults when null.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>Whether an instance was started, was already running (HTTP 409) or is already being loaded (HTTP 429).</returns>
    /// <exception cref="BytezOutOfCreditsException">The account has no credits left.</exception>
    /// <exception cref="BytezException">Any other failure, with the HTTP status and Bytez's message.</exception>
    public Task<BytezLoadResult> StartAsync(BytezLoadOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// Starts an instance and polls its status until it is <see cref="BytezModelStatuses.Running"/>, reporting every
    /// status change to the logger and to <paramref name="progress"/> (the seed's <c>model.load()</c>).
    /// </summary>
    /// <param name="options">Concurrency, idle timeout, poll interval and deadline; defaults when null.</param>
    /// <param name="progress">Receives each status change; may be null.</param>
    /// <param name="cancellationToken">A token to cancel the load (the instance, if started, keeps running).</param>
    /// <returns>How the load ended: <see cref="BytezLoadOutcome.Started"/> when this call started the instance.</returns>
    /// <exception cref="BytezModelFailedException">The status became <see cref="BytezModelStatuses.Failed"/>.</exception>
    /// <exception cref="BytezLoadTimeoutException">The deadline passed before the instance was running.</exception>
    /// <exception cref="BytezOutOfCreditsException">The account has no credits left.</exception>
    public Task<BytezLoadResult> LoadAsync(BytezLoadOptions? options = null, IProgress<BytezLoadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Reads the instance status (<c>POST model/status</c>).</summary>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The status.</returns>
    public Task<BytezModelStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Runs the model once (<c>POST model/run</c> with <c>"stream": false</c>).</summary>
    /// <param name="input">The input: text, chat messages, an object whose members go to the top level of the body, or none.</param>
    /// <param name="parameters">Hugging Face generation or pipeline parameters sent as <c>params</c>; null sends <c>{}</c>.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The result, whose accessors read the task-specific output.</returns>
    public Task<BytezRunResult> RunAsync(BytezInput input, JsonObject? parameters = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// Runs a text-generation (or chat) model with <c>"stream": true</c> and yields text as it arrives. Multi-byte
    /// characters split across network chunks are decoded correctly.
    /// </summary>
    /// <param name="input">The prompt or chat messages.</param>
    /// <param name="parameters">Hugging Face generation parameters; null sends <c>{}</c>.</param>
    /// <param name="cancellationToken">A token to cancel the stream; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The text pieces, in order.</returns>
    /// <exception cref="BytezException">The HTTP status was not a success (checked before streaming), or the model wrote an in-band error into the stream (<see cref="BytezStreamErrorException"/>).</exception>
    public IAsyncEnumerable<string> RunStreamingAsync(BytezInput input, JsonObject? parameters = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Stops the instance now instead of waiting for its idle timeout (<c>POST model/delete</c>).</summary>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>A task that completes when Bytez accepted the stop.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
