namespace Bytez.AI.Validation;

/// <summary>One invalid setting of <see cref="BytezClientOptions"/>.</summary>
/// <param name="Member">The setting, as a configuration key below the <c>Bytez</c> section (for example <c>RequestTimeout</c> or <c>Retry:MaxDelay</c>).</param>
/// <param name="Error">The exception the client's constructor throws for it; its message says what to set.</param>
internal readonly record struct BytezOptionProblem(string Member, ArgumentException Error)
{
    /// <summary>Describes the problem in one sentence or two: the exception's message without the "(Parameter 'x')" and "Actual value was" lines .NET appends, and the value when it was out of range.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var message = Error.Message;
        var end = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        var line = end >= 0 ? message[..end] : message;
        var newline = line.IndexOfAny(['\r', '\n']);
        line = (newline >= 0 ? line[..newline] : line).Trim();
        return Error is ArgumentOutOfRangeException { ActualValue: { } actual } ? $"{line} Got {actual}." : line;
    }
}
