namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>What the prompt says about calling tools: free choice, at least one call, or one named function.</summary>
/// <param name="Required">Whether a call is required.</param>
/// <param name="FunctionName">The function that must be called, or null.</param>
internal sealed record ToolRequirement(bool Required, string? FunctionName)
{
    public static ToolRequirement Auto { get; } = new(false, null);

    public static ToolRequirement Any { get; } = new(true, null);

    /// <summary>Reads the client's instructions (<c>You must call the function "x".</c>, <c>You must call at least one function.</c>).</summary>
    public static ToolRequirement Read(string text)
    {
        const string Specific = "You must call the function \"";
        int at = text.IndexOf(Specific, StringComparison.Ordinal);
        if (at >= 0)
        {
            int start = at + Specific.Length;
            int end = text.IndexOf('"', start);
            if (end > start)
            {
                return new ToolRequirement(true, text[start..end]);
            }
        }

        return text.Contains("You must call at least one function", StringComparison.Ordinal) ? Any : Auto;
    }
}
