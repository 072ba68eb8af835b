using System.Diagnostics.CodeAnalysis;
using Bytez.AI;
using Bytez.AI.Speech;

namespace Microsoft.Extensions.AI;

/// <summary>
/// Transcribes audio at a public link with a Bytez speech-to-text client (Bytez's v2 API fetches it), the way
/// <c>SpeechToTextClientExtensions.GetTextAsync(DataContent)</c> transcribes bytes. The call goes through the whole
/// pipeline (logging, telemetry) like any other.
/// </summary>
[Experimental("MEAI001")]
public static class BytezSpeechToTextClientExtensions
{
    /// <summary>Transcribes the audio at <paramref name="audioSpeechContent"/>'s URL (sent to Bytez as <c>url</c>).</summary>
    /// <param name="client">A client made by <c>AsISpeechToTextClient</c>, or a pipeline over one.</param>
    /// <param name="audioSpeechContent">An absolute http(s) link to the audio, with an <c>audio/*</c> media type.</param>
    /// <param name="options">The speech-to-text options.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The transcript.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The link is not an absolute http(s) URL, or its media type is not audio.</exception>
    /// <exception cref="NotSupportedException">The client is not a Bytez speech-to-text client, or it speaks v1 (which takes WAV bytes only).</exception>
    public static Task<SpeechToTextResponse> GetTextAsync(
        this ISpeechToTextClient client, UriContent audioSpeechContent, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default) =>
        Checked(client, audioSpeechContent).GetTextAsync(new AudioLinkStream(audioSpeechContent.Uri, audioSpeechContent.MediaType), options, cancellationToken);

    /// <summary>Transcribes the audio at <paramref name="audioSpeechContent"/>'s URL, as a stream of updates.</summary>
    /// <param name="client">A client made by <c>AsISpeechToTextClient</c>, or a pipeline over one.</param>
    /// <param name="audioSpeechContent">An absolute http(s) link to the audio, with an <c>audio/*</c> media type.</param>
    /// <param name="options">The speech-to-text options.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The updates.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">The client is not a Bytez speech-to-text client.</exception>
    public static IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(
        this ISpeechToTextClient client, UriContent audioSpeechContent, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default) =>
        Checked(client, audioSpeechContent).GetStreamingTextAsync(new AudioLinkStream(audioSpeechContent.Uri, audioSpeechContent.MediaType), options, cancellationToken);

    /// <summary>Refuses a pipeline that does not end at a Bytez client: no other client can send a link in place of bytes.</summary>
    private static ISpeechToTextClient Checked(ISpeechToTextClient client, UriContent audioSpeechContent)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(audioSpeechContent);
        if (client.GetService(typeof(BytezModel)) is null)
        {
            throw new NotSupportedException(
                "Transcribing a link needs a Bytez speech-to-text client (BytezModel.AsISpeechToTextClient), which sends the link to Bytez; for another client, download the audio and pass its bytes.");
        }

        return client;
    }
}
