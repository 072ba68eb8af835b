using System.Globalization;
using System.Text;

namespace Bytez.AI;

/// <summary>Small text helpers for error messages: the visible text of bodies, durations, sentences.</summary>
internal static class BytezText
{
    /// <summary>
    /// Gets the words a human would read in a body (for example an HTML error page from a proxy): tags are dropped and
    /// white space collapsed to single spaces. Stops after <paramref name="maxLength"/> characters.
    /// </summary>
    /// <param name="body">The body text.</param>
    /// <param name="maxLength">How many characters to produce at most.</param>
    /// <returns>The visible text, or null when there is none.</returns>
    public static string? VisibleText(string? body, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(body.Length, maxLength));
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
            if (builder.Length >= maxLength)
            {
                break;
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
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

    /// <summary>Drops a trailing period so a server message can be followed by our own sentence.</summary>
    public static string TrimSentence(string text) => text.Trim().TrimEnd('.').TrimEnd();
}
