using System.Globalization;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// The final answer after tool results: one sentence per result, quoting the result verbatim
/// ("The weather in Paris is 15 celsius.", "The current temperature in Seattle is 12.5 degrees.", "I could not get the
/// stock price for MSFT: Error: ..."). Results that were only passed on to a later call (nested calls) are not restated.
/// </summary>
internal static class AnswerWriter
{
    private static readonly HashSet<string> LocationWords = new(StringComparer.Ordinal) { "city", "location", "place", "town", "country", "region", "destination" };

    public static string Write(QueryFacts query, IReadOnlyList<(RecordedCall Call, string Result)> exchanges)
    {
        var final = exchanges.Where((e, i) => !PassedOn(e.Result, exchanges.Skip(i + 1))).ToList();
        if (final.Count == 0)
        {
            final = [.. exchanges];
        }

        if (final.Count == 0)
        {
            return "I have no results to answer with.";
        }

        return string.Join(' ', final.Select(e => Sentence(query, e.Call, e.Result)));
    }

    private static string Sentence(QueryFacts query, RecordedCall call, string result)
    {
        string subject = Subject(call.Name);
        string where = call.TextArguments.Count > 0
            ? (IsLocation(call.TextArguments[0].Key) ? " in " : " for ") + call.TextArguments[0].Value
            : string.Empty;
        string value = result.Trim();
        if (value.StartsWith("Error:", StringComparison.Ordinal))
        {
            return $"I could not get the {subject}{where}: {value}";
        }

        bool weather = subject.Contains("weather", StringComparison.Ordinal) || subject.Contains("temperature", StringComparison.Ordinal);
        if (weather && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            // The seed's NexusRaven example: the weather function returns a bare temperature for coordinates.
            string place = where.Length > 0 && !where.StartsWith(" for ", StringComparison.Ordinal) ? where : query.Places.FirstOrDefault() is { } p ? " in " + p : where;
            return $"The current temperature{place} is {value} degrees.";
        }

        return $"The {subject}{where} is {value}" + (value.Length > 0 && value[^1] is '.' or '!' or '?' ? string.Empty : ".");
    }

    /// <summary>"get_weather_data" gives "weather data", "get_coordinates_from_city" gives "coordinates".</summary>
    private static string Subject(string name)
    {
        string subject = ToolWords.Subject(name);
        foreach (string boundary in (string[])[" from ", " by ", " for ", " of "])
        {
            int at = subject.IndexOf(boundary, StringComparison.Ordinal);
            if (at > 0)
            {
                subject = subject[..at];
            }
        }

        return subject == "weather data" ? "weather" : subject;
    }

    private static bool IsLocation(string parameter) => ToolWords.SplitIdentifier(parameter).Any(LocationWords.Contains);

    private static bool PassedOn(string result, IEnumerable<(RecordedCall Call, string Result)> later)
    {
        string compact = Compact(result);
        return compact.Length >= 3 && later.Any(e => Compact(e.Call.ArgumentText).Contains(compact, StringComparison.Ordinal));
    }

    private static string Compact(string text) => string.Concat(text.Where(static c => !char.IsWhiteSpace(c) && c is not '\'' and not '"'));
}
