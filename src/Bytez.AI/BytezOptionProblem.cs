namespace Bytez.AI;

/// <summary>One invalid setting of <see cref="BytezClientOptions"/>.</summary>
/// <param name="Member">The setting, as a configuration key below the <c>Bytez</c> section (for example <c>RequestTimeout</c> or <c>Retry:MaxDelay</c>).</param>
/// <param name="Error">The exception the client's constructor throws for it; its message says what to set.</param>
internal readonly record struct BytezOptionProblem(string Member, ArgumentException Error);
