using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI;

/// <summary>
/// The input of a run. Text and message lists are sent as <c>input</c>; an object's members are merged into the top
/// level of the request body (for example <c>question</c> and <c>context</c>); <see cref="None"/> sends no input.
/// </summary>
/// <remarks>Instances are immutable: the factories copy what they are given.</remarks>
public sealed class BytezInput
{
    /// <summary>The members the run body always has; an object input may not override them.</summary>
    private static readonly string[] ReservedMembers = ["model", "stream", "params"];

    private static readonly BytezInput NoInput = new(BytezInputKind.None, null, null, null);

    private readonly JsonNode? _node;

    private BytezInput(BytezInputKind kind, string? text, BytezChatMessage[]? messages, JsonNode? node)
    {
        Kind = kind;
        Text = text;
        Messages = messages;
        _node = node;
    }

    /// <summary>Gets an input that sends nothing but parameters (unconditional image generation).</summary>
    public static BytezInput None => NoInput;

    /// <summary>Gets how the input is sent.</summary>
    internal BytezInputKind Kind { get; }

    /// <summary>Gets the text of a text input.</summary>
    internal string? Text { get; }

    /// <summary>Gets the messages of a chat input.</summary>
    internal IReadOnlyList<BytezChatMessage>? Messages { get; }

    /// <summary>Creates a text input: <c>"input": "&lt;text&gt;"</c>. Also used for image, audio or video URLs and raw base64.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static BytezInput FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new BytezInput(BytezInputKind.Text, text, null, null);
    }

    /// <summary>Creates a chat input: <c>"input": [{"role": ..., "content": ...}, ...]</c>.</summary>
    /// <param name="messages">The messages, in order.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> or one of its messages is null.</exception>
    /// <exception cref="ArgumentException">The list is empty, or a message has no role.</exception>
    public static BytezInput FromMessages(IEnumerable<BytezChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var copy = messages.ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException("The message list is empty: a chat needs at least one message, such as a 'user' message with the prompt.", nameof(messages));
        }

        foreach (var message in copy)
        {
            if (message is null)
            {
                throw new ArgumentNullException(nameof(messages), "The message list contains a null message.");
            }

            if (string.IsNullOrWhiteSpace(message.Role))
            {
                throw new ArgumentException("Every chat message needs a role such as 'user', 'assistant' or 'system'.", nameof(messages));
            }
        }

        return new BytezInput(BytezInputKind.Messages, null, copy, null);
    }

    /// <summary>Creates an object input whose members are merged into the top level of the body (e.g. <c>{"question", "context"}</c>).</summary>
    /// <param name="members">The members. They are copied.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> is null.</exception>
    /// <exception cref="ArgumentException">A member is named <c>model</c>, <c>stream</c> or <c>params</c>, which the body already has.</exception>
    public static BytezInput FromObject(JsonObject members)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var reserved in ReservedMembers)
        {
            if (members.ContainsKey(reserved))
            {
                throw new ArgumentException(
                    $"An object input may not contain '{reserved}': the run body sets it. Pass parameters through the 'parameters' argument instead.",
                    nameof(members));
            }
        }

        return new BytezInput(BytezInputKind.Object, null, null, members.DeepClone());
    }

    /// <summary>
    /// Creates an input from any JSON value, following the protocol: an object is merged into the body, anything else
    /// is sent as <c>input</c>.
    /// </summary>
    /// <param name="value">The JSON value. It is copied.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static BytezInput FromJson(JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value is JsonObject obj
            ? FromObject(obj)
            : new BytezInput(BytezInputKind.Value, null, null, value.DeepClone());
    }

    /// <summary>Converts text to a text input.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator BytezInput(string text) => FromText(text);

    /// <summary>Writes the input's members into an open run-body object.</summary>
    internal void WriteMembers(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case BytezInputKind.Text:
                writer.WriteString("input", Text);
                break;
            case BytezInputKind.Messages:
                writer.WritePropertyName("input");
                writer.WriteStartArray();
                foreach (var message in Messages!)
                {
                    writer.WriteStartObject();
                    writer.WriteString("role", message.Role);
                    writer.WriteString("content", message.Content);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case BytezInputKind.Object:
                foreach (var member in (JsonObject)_node!)
                {
                    writer.WritePropertyName(member.Key);
                    WriteNode(writer, member.Value);
                }

                break;
            case BytezInputKind.Value:
                writer.WritePropertyName("input");
                WriteNode(writer, _node);
                break;
            default:
                break;
        }
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }
}
