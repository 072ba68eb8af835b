using System.Globalization;
using System.Text;

namespace Bytez.AI;

/// <summary>Small text helpers for error messages: excerpts of bodies, durations, key redaction.</summary>
internal static class BytezText
{
    private const int MaxExcerptLength = 200;

    /// <summary>
    /// Makes a short, single-line excerpt of a non-JSON body (for example an HTML error page from a proxy): tags are
    /// dropped and white space collapsed, so the message shows the words a human would read.
    /// </summary>
    public static string? Excerpt(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(body.Length, 1024));
        var inTag = false;
        var pendingSpace = false;
        foreach (var c in body)
        {
            if (c == '<')
            {
                inTag = true;
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (inTag)
            {
                inTag = c != '>';
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            if (builder.Length > MaxExcerptLength)
            {
                break;
            }
        }

        if (builder.Length == 0)
        {
            return null;
        }

        return builder.Length > MaxExcerptLength
            ? string.Concat(builder.ToString(0, MaxExcerptLength).TrimEnd(), "…")
            : builder.ToString();
    }

    /// <summary>Formats a duration for a sentence: "15 minutes", "90 seconds", "0.25 seconds".</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration == Timeout.InfiniteTimeSpan)
        {
            return "an unlimited time";
        }

        if (duration.Ticks % TimeSpan.TicksPerMinute == 0 && duration >= TimeSpan.FromMinutes(1))
        {
            var minutes = (long)duration.TotalMinutes;
            return minutes == 1 ? "1 minute" : string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes");
        }

        if (duration.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            var seconds = (long)duration.TotalSeconds;
            return seconds == 1 ? "1 second" : string.Create(CultureInfo.InvariantCulture, $"{seconds} seconds");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} seconds");
    }

    /// <summary>Removes the API key from text a server sent back, in case it echoed the key.</summary>
    public static string? Redact(string? text, string apiKey) =>
        text is null || apiKey.Length == 0 ? text : text.Replace(apiKey, "***", StringComparison.Ordinal);

    /// <summary>Drops a trailing period so a server message can be followed by our own sentence.</summary>
    public static string TrimSentence(string text) => text.Trim().TrimEnd('.').TrimEnd();
}
