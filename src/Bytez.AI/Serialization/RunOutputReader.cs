using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Bytez.AI.Serialization;

/// <summary>
/// Reads the common v2 run outputs straight from the body with <see cref="Utf8JsonReader"/>, without a DOM: a string
/// <c>output</c>, or a chat <c>output</c> of <c>{role, content}</c> strings. Anything else (or a member given twice,
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
        if (!TryFindOutput(ref reader, JsonTokenType.StartObject))
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

                var value = reader.GetString();
                if (isRole)
                {
                    role = value;
                }
                else
                {
                    content = value;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return role is not null && content is not null;
    }

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
