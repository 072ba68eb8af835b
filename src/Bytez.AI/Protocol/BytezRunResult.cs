using System.Text.Json;

namespace Bytez.AI;

/// <summary>
/// The response of a run. The task-specific output stays as JSON (<see cref="Output"/>, <see cref="RawRepresentation"/>);
/// the accessors read the documented shapes and throw <see cref="BytezProtocolException"/> when the shape does not match.
/// </summary>
public sealed class BytezRunResult
{
    /// <summary>Gets the whole JSON response body.</summary>
    public JsonElement RawRepresentation => throw new NotImplementedException();

    /// <summary>Gets the <c>output</c> member, or null when the body has none (media generators use top-level members).</summary>
    public JsonElement? Output => throw new NotImplementedException();

    /// <summary>Reads <c>output[0].generated_text</c> as text (text generation, text2text, image-to-text; includes the echoed prompt).</summary>
    /// <returns>The generated text.</returns>
    public string GetGeneratedText() => throw new NotImplementedException();

    /// <summary>Reads the conversation a chat model returned (<c>output[0].generated_text</c> as a message list).</summary>
    /// <returns>The messages: the input followed by the new assistant message.</returns>
    public IReadOnlyList<BytezChatMessage> GetChatMessages() => throw new NotImplementedException();

    /// <summary>Reads the new assistant message of a chat model (the last element of the returned conversation).</summary>
    /// <returns>The reply.</returns>
    public BytezChatMessage GetAssistantMessage() => throw new NotImplementedException();

    /// <summary>
    /// Reads an embedding: a flat vector, <c>[vector]</c>, or a token-by-dimension matrix (mean-pooled over tokens).
    /// </summary>
    /// <returns>The vector.</returns>
    public float[] GetEmbedding() => throw new NotImplementedException();

    /// <summary>Reads <c>summary_text</c>, <c>translation_text</c> or <c>generated_text</c> of the first output item.</summary>
    /// <returns>The text.</returns>
    public string GetText() => throw new NotImplementedException();

    /// <summary>Reads the transcription of a speech-recognition run (<c>output.text</c>).</summary>
    /// <returns>The transcribed text.</returns>
    public string GetTranscription() => throw new NotImplementedException();

    /// <summary>
    /// Reads labels with scores: <c>[{"label","score"}]</c>, the nested video-classification form, or the parallel
    /// <c>labels</c>/<c>scores</c> arrays of zero-shot classification.
    /// </summary>
    /// <returns>The labels, in the order returned.</returns>
    public IReadOnlyList<BytezLabelScore> GetLabels() => throw new NotImplementedException();

    /// <summary>Decodes the top-level <c>output_png</c> (text-to-image, unconditional image generation).</summary>
    /// <returns>The PNG bytes.</returns>
    public byte[] GetPngBytes() => throw new NotImplementedException();

    /// <summary>Decodes the top-level <c>output_wav</c> (text-to-speech, text-to-audio).</summary>
    /// <returns>The WAV bytes.</returns>
    public byte[] GetWavBytes() => throw new NotImplementedException();

    /// <summary>Decodes the top-level <c>output_mp4</c> (text-to-video).</summary>
    /// <returns>The MP4 bytes.</returns>
    public byte[] GetMp4Bytes() => throw new NotImplementedException();
}
