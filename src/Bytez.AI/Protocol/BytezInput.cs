using System.Text.Json.Nodes;

namespace Bytez.AI;

/// <summary>
/// The input of a run. Text and message lists are sent as <c>input</c>; an object's members are merged into the top
/// level of the request body (for example <c>question</c> and <c>context</c>); <see cref="None"/> sends no input.
/// </summary>
public sealed class BytezInput
{
    /// <summary>Gets an input that sends nothing but parameters (unconditional image generation).</summary>
    public static BytezInput None => throw new NotImplementedException();

    /// <summary>Creates a text input: <c>"input": "&lt;text&gt;"</c>. Also used for image, audio or video URLs and raw base64.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The input.</returns>
    public static BytezInput FromText(string text) => throw new NotImplementedException();

    /// <summary>Creates a chat input: <c>"input": [{"role": ..., "content": ...}, ...]</c>.</summary>
    /// <param name="messages">The messages, in order.</param>
    /// <returns>The input.</returns>
    public static BytezInput FromMessages(IEnumerable<BytezChatMessage> messages) => throw new NotImplementedException();

    /// <summary>Creates an object input whose members are merged into the top level of the body (e.g. <c>{"question", "context"}</c>).</summary>
    /// <param name="members">The members.</param>
    /// <returns>The input.</returns>
    public static BytezInput FromObject(JsonObject members) => throw new NotImplementedException();

    /// <summary>
    /// Creates an input from any JSON value, following the protocol: an object is merged into the body, anything else
    /// is sent as <c>input</c>.
    /// </summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The input.</returns>
    public static BytezInput FromJson(JsonNode value) => throw new NotImplementedException();

    /// <summary>Converts text to a text input.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator BytezInput(string text) => FromText(text);
}
