using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Bytez.AI.Serialization;

/// <summary>
/// Reads the common run outputs straight from the body with <see cref="Utf8JsonReader"/>, without a DOM: a string
/// <c>output</c>, a v2 chat <c>output</c> of <c>{role, content}</c> strings, or the last message of a v1 echoed conversation. Anything else (or a member given twice,
/// where a reader and the DOM might disagree on which one counts) answers false, and the caller reads the DOM.
/// </summary>
internal static class RunOutputReader
{
    /// <summary>Reads an <c>output</c> that is a string.</summary>
    /// <param name="utf8Json">The body, already checked to be valid JSON.</param>
    /// <param name="text">The output.</param>
    /// <returns>Whether the body is an object with one <c>output</c> member that is a string.</returns>
    public static bool TryReadString(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (utf8Json.IsEmpty)
        {
            return false;
        }

        var reader = new Utf8JsonReader(utf8Json);
        if (!TryFindOutput(ref reader, JsonTokenType.String))
        {
            return false;
        }

        text = reader.GetString();
        return text is not null;
    }

    /// <summary>Reads an <c>output</c> that is a chat message whose role and content are strings.</summary>
    /// <param name="utf8Json">The body, already checked to be valid JSON.</param>
    /// <param name="role">The role.</param>
    /// <param name="content">The content.</param>
    /// <returns>Whether the body is an object with one <c>output</c> member holding one string <c>role</c> and one string <c>content</c>.</returns>
    public static bool TryReadMessage(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out string? role, [NotNullWhen(true)] out string? content)
    {
        role = null;
        content = null;
        if (utf8Json.IsEmpty)
        {
            return false;
        }

        var reader = new Utf8JsonReader(utf8Json);
        return TryFindOutput(ref reader, JsonTokenType.StartObject) && TryReadMessageObject(ref reader, out role, out content);
    }

    /// <summary>
    /// Reads the new message of a v1 chat answer, the last element of the echoed conversation
    /// <c>output[0].generated_text</c>: the messages before it are skipped, not read into strings, so a long echoed history
    /// costs one pass and no allocation.
    /// </summary>
    /// <param name="utf8Json">The body, already checked to be valid JSON.</param>
    /// <param name="role">The role.</param>
    /// <param name="content">The content.</param>
    /// <returns>
    /// Whether the body is an object with one <c>output</c> array whose first element has one non-empty
    /// <c>generated_text</c> array whose last element has one string <c>role</c> and one string <c>content</c>.
    /// </returns>
    public static bool TryReadLastMessage(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out string? role, [NotNullWhen(true)] out string? content)
    {
        role = null;
        content = null;
        if (utf8Json.IsEmpty)
        {
            return false;
        }

        var reader = new Utf8JsonReader(utf8Json);
        if (!TryFindOutput(ref reader, JsonTokenType.StartArray) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var found = false;
        var last = default(Utf8JsonReader);
        var any = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isConversation = reader.ValueTextEquals("generated_text"u8);
            reader.Read();
            if (!isConversation)
            {
                reader.Skip();
                continue;
            }

            if (found || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            // The conversation is walked once, its last element remembered as it goes (not skipped whole and then
            // walked again): on v1 every chat answer echoes the conversation, so this is most of the answer.
            found = true;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                last = reader; // positioned on the element's first token
                any = true;
                reader.Skip();
            }
        }

        if (!any)
        {
            return false;
        }

        reader = last;
        return TryReadMessageObject(ref reader, out role, out content);
    }

    /// <summary>Reads a <c>{role, content}</c> object, the reader on its start: one string role and one string content.</summary>
    private static bool TryReadMessageObject(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? role, [NotNullWhen(true)] out string? content)
    {
        role = null;
        content = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRole = reader.ValueTextEquals("role"u8);
            var isContent = !isRole && reader.ValueTextEquals("content"u8);
            reader.Read();
            if (isRole || isContent)
            {
                if (reader.TokenType != JsonTokenType.String || (isRole ? role : content) is not null)
                {
                    return false;
                }

                if (isRole)
                {
                    role = KnownRole(ref reader) ?? reader.GetString();
                }
                else
                {
                    content = reader.GetString();
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return role is not null && content is not null;
    }

    /// <summary>The role names every answer repeats, as shared strings: no new string per call for them.</summary>
    private static string? KnownRole(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("assistant"u8) ? "assistant" :
        reader.ValueTextEquals("user"u8) ? "user" :
        reader.ValueTextEquals("system"u8) ? "system" :
        null;

    /// <summary>
    /// Leaves the reader on the value of the root object's one <c>output</c> member when it starts with
    /// <paramref name="expected"/>: the rest of the root is read first to make sure it has no second one. Another kind of
    /// output answers false at once (a v1 echoed conversation is then read once, by the DOM, not twice).
    /// </summary>
    private static bool TryFindOutput(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var found = false;
        var at = default(Utf8JsonReader);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isOutput = reader.ValueTextEquals("output"u8);
            reader.Read();
            if (isOutput)
            {
                if (found || reader.TokenType != expected)
                {
                    return false;
                }

                found = true;
                at = reader; // a copy of the reader's state, positioned on the value
            }

            reader.Skip();
        }

        reader = at;
        return found;
    }
}
