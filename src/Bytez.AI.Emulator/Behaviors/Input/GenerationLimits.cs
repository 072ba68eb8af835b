using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Input;

/// <summary>
/// Hugging Face length parameters, with one whitespace-separated word standing for one token:
/// <c>max_new_tokens</c> (default 20, capped at 512), <c>min_new_tokens</c> (a floor), and <c>max_length</c>
/// (prompt plus new tokens) when <c>max_new_tokens</c> is absent.
/// </summary>
internal static class GenerationLimits
{
    public const int DefaultNewTokens = 20;

    /// <summary>How many words a completion adds to a prompt of <paramref name="promptWords"/> words.</summary>
    public static int NewTokens(JsonObject parameters, int promptWords)
    {
        int? maxNew = RequestReader.IntParam(parameters, "max_new_tokens");
        int? minNew = RequestReader.IntParam(parameters, "min_new_tokens");
        int? maxLength = RequestReader.IntParam(parameters, "max_length");

        int count = maxNew ?? (maxLength is int total ? total - promptWords : DefaultNewTokens);
        count = Math.Max(count, minNew ?? 0);
        return Math.Clamp(count, 0, RequestReader.MaxNewTokensCap);
    }

    /// <summary>The most words a chat reply may have, or null for no limit (the canned reply ends by itself).</summary>
    public static int? ReplyLimit(JsonObject parameters, int promptWords)
    {
        int? maxNew = RequestReader.IntParam(parameters, "max_new_tokens");
        if (maxNew is int m)
        {
            return Math.Clamp(m, 0, RequestReader.MaxNewTokensCap);
        }

        int? maxLength = RequestReader.IntParam(parameters, "max_length");
        return maxLength is int total ? Math.Clamp(total - promptWords, 1, RequestReader.MaxNewTokensCap) : null;
    }
}
