using System.Net;
using Bytez.AI.Http;

namespace Bytez.AI;

/// <summary>Errors met while reading a text stream (after its HTTP status was already a success).</summary>
internal static class BytezStreamErrors
{
    /// <summary>The model wrote an error into the stream (in-band <c>INTERNAL_BYTEZ_ERROR:</c> or <c>Error: </c> text).</summary>
    public static BytezStreamErrorException InBand(BytezCall call, string text)
    {
        var error = text.Trim();
        var next = error.Contains("does not support streaming", StringComparison.OrdinalIgnoreCase)
            ? "Only text-generation models stream; call BytezModel.RunAsync for this model."
            : "Retry, or check that the input and parameters suit the model.";
        return new BytezStreamErrorException(
            $"{call.Subject} failed after the stream began: the model wrote \"{BytezText.TrimSentence(error)}\". {next}",
            HttpStatusCode.OK, error, call.ModelId);
    }

    /// <summary>The body ended inside a multi-byte UTF-8 character: the server or a proxy cut the stream short.</summary>
    public static BytezException Truncated(BytezCall call) =>
        new(
            $"{call.Subject} ended in the middle of a UTF-8 character, so the stream was cut short. Retry the run; the text received so far is incomplete.",
            HttpStatusCode.OK, null, call.ModelId);

    /// <summary>No data arrived for <see cref="BytezClientOptions.StreamIdleTimeout"/> once the stream had begun.</summary>
    public static BytezException Stalled(BytezCall call, StreamIdleException ex) =>
        new(
            $"{call.Subject} stalled after the stream began: no data arrived for {BytezText.Duration(ex.IdleTimeout)}, so the read was abandoned. Retry the run; the text received so far is incomplete. Raise BytezClientOptions.StreamIdleTimeout if the model pauses that long.",
            HttpStatusCode.OK, null, call.ModelId, ex);

    /// <summary>The connection failed (or timed out) while the body was being read.</summary>
    public static BytezException Interrupted(BytezCall call, Exception ex, string? redactedMessage) =>
        new(
            $"{call.Subject} was interrupted after the stream began ({BytezText.TrimSentence(redactedMessage ?? ex.GetType().Name)}). Retry the run; the text received so far is incomplete.",
            HttpStatusCode.OK, null, call.ModelId, ex);
}
