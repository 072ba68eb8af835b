namespace Bytez.AI.Emulator;

/// <summary>One request the emulator answered.</summary>
/// <param name="Kind">What the request was.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query.</param>
/// <param name="ModelId">The model the request named, if any.</param>
/// <param name="Body">The request body as text, with any key member redacted; empty when there was none.</param>
/// <param name="StatusCode">The HTTP status answered.</param>
/// <param name="Timestamp">When the request arrived, by the emulator's clock.</param>
public sealed record EmulatorRequestLogEntry(
    EmulatorRequestKind Kind,
    string Method,
    string Path,
    string? ModelId,
    string Body,
    int StatusCode,
    DateTimeOffset Timestamp)
{
    /// <summary>
    /// Gets whether a <c>provider-key</c> header came with the request: <c>***</c> when it did (the key itself is never
    /// recorded, like the API key), null when it did not.
    /// </summary>
    public string? ProviderKey { get; init; }

    /// <summary>Gets a value indicating whether the request carried an <c>Authorization</c> header (its value is never recorded).</summary>
    public bool HadAuthorization { get; init; }
}
