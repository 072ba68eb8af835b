using System.Text.Json;

namespace Bytez.AI.Serialization;

/// <summary>
/// Reads a whole JSON body: the DOM when one is needed, or one pass of <see cref="Utf8JsonReader"/> that checks it and
/// tells whether it carries an <c>error</c>, so a successful answer needs no DOM until someone asks for one.
/// </summary>
internal static class JsonBody
{
    /// <summary>Parses a body already known to be valid JSON into a standalone element.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <returns>The root element (it owns a copy of the bytes).</returns>
    public static JsonElement Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>
    /// Checks that <paramref name="utf8Json"/> is one valid JSON value (what <see cref="JsonSerializer"/> accepts as a
    /// <see cref="JsonElement"/>) whose root has no <c>error</c> member, or only a null one.
    /// </summary>
    /// <param name="utf8Json">The body (not empty).</param>
    /// <returns>False when the body is not valid JSON, starts with a byte-order mark, or has an <c>error</c> (or a
    /// repeated one) that is not null: the caller then takes the DOM path, which judges those cases.</returns>
    public static bool IsValidWithoutError(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var errors = 0;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isError = reader.ValueTextEquals("error"u8);
                    reader.Read();
                    if (isError && (++errors > 1 || reader.TokenType != JsonTokenType.Null))
                    {
                        return false;
                    }

                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }

            // Anything after the root value (other than white space) throws here, as the serializer refuses it.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
