using System.Globalization;
using Bytez.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reads <see cref="BytezClientOptions"/> from configuration by hand (AOT- and trim-safe: no reflection binder, and no
/// attempt to bind the object-valued members such as <see cref="BytezClientOptions.HttpClient"/>).
/// </summary>
internal static class BytezConfigurationReader
{
    /// <summary>Applies the values present in <paramref name="section"/>; absent keys leave the defaults.</summary>
    /// <param name="options">The options to fill.</param>
    /// <param name="section">The section, such as <c>Bytez</c>.</param>
    /// <exception cref="InvalidOperationException">A value is present but malformed; the message names the key, never the API key's value.</exception>
    public static void Apply(BytezClientOptions options, IConfiguration section)
    {
        string path = section is IConfigurationSection s ? s.Path : "(root)";

        if (Read(section, nameof(BytezClientOptions.Endpoint)) is { } endpoint)
        {
            options.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri)
                ? uri
                : throw Malformed(path, nameof(BytezClientOptions.Endpoint), "an absolute URI such as https://api.bytez.com/");
        }

        if (Read(section, nameof(BytezClientOptions.ApiKey)) is { } apiKey)
        {
            options.ApiKey = apiKey;
        }

        if (Read(section, nameof(BytezClientOptions.ApiVersion)) is { } apiVersion)
        {
            options.ApiVersion = ParseApiVersion(apiVersion)
                ?? throw Malformed(path, nameof(BytezClientOptions.ApiVersion), "V2 (Bytez's current API, the default) or V1 (the legacy model/* API)");
        }

        foreach (IConfigurationSection providerKey in section.GetSection(nameof(BytezClientOptions.ProviderKeys)).GetChildren())
        {
            if (providerKey.Value is { } value && !string.IsNullOrWhiteSpace(value))
            {
                (options.ProviderKeys ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[providerKey.Key] = value.Trim();
            }
        }

        options.RequestTimeout = ReadTimeSpan(section, path, nameof(BytezClientOptions.RequestTimeout)) ?? options.RequestTimeout;
        options.LoadTimeout = ReadTimeSpan(section, path, nameof(BytezClientOptions.LoadTimeout)) ?? options.LoadTimeout;
        options.LoadPollInterval = ReadTimeSpan(section, path, nameof(BytezClientOptions.LoadPollInterval), allowZero: true) ?? options.LoadPollInterval;
        options.StreamIdleTimeout = ReadTimeSpan(section, path, nameof(BytezClientOptions.StreamIdleTimeout)) ?? options.StreamIdleTimeout;
        if (Read(section, nameof(BytezClientOptions.MaxResponseSize)) is { } size)
        {
            options.MaxResponseSize = long.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out long bytes) && bytes > 0
                ? bytes
                : throw Malformed(path, nameof(BytezClientOptions.MaxResponseSize), "a whole number of bytes such as 67108864 (64 MiB)");
        }

        if (Read(section, nameof(BytezClientOptions.AllowInsecureHttp)) is { } insecure)
        {
            options.AllowInsecureHttp = bool.TryParse(insecure, out bool value)
                ? value
                : throw Malformed(path, nameof(BytezClientOptions.AllowInsecureHttp), "true or false");
        }

        ApplyRetry(options, section.GetSection(nameof(BytezClientOptions.Retry)), path + ":" + nameof(BytezClientOptions.Retry));
    }

    /// <summary>Reads the <c>Retry</c> subsection (<c>Enabled</c>, <c>MaxRetryAttempts</c>, <c>BaseDelay</c>, <c>MaxDelay</c>, <c>UseJitter</c>).</summary>
    private static void ApplyRetry(BytezClientOptions options, IConfiguration section, string path)
    {
        BytezRetryOptions retry = options.Retry ??= new BytezRetryOptions();
        retry.Enabled = ReadBool(section, path, nameof(BytezRetryOptions.Enabled)) ?? retry.Enabled;
        retry.UseJitter = ReadBool(section, path, nameof(BytezRetryOptions.UseJitter)) ?? retry.UseJitter;
        if (Read(section, nameof(BytezRetryOptions.MaxRetryAttempts)) is { } attempts)
        {
            retry.MaxRetryAttempts = int.TryParse(attempts, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) && count >= 0
                ? count
                : throw Malformed(path, nameof(BytezRetryOptions.MaxRetryAttempts), "a whole number of at least 0");
        }

        retry.BaseDelay = ReadTimeSpan(section, path, nameof(BytezRetryOptions.BaseDelay), allowZero: true) ?? retry.BaseDelay;
        retry.MaxDelay = ReadTimeSpan(section, path, nameof(BytezRetryOptions.MaxDelay)) ?? retry.MaxDelay;
    }

    /// <summary>Reads <c>V2</c>, <c>v1</c>, <c>2</c> or <c>1</c>; anything else (including an undefined number) is null.</summary>
    private static BytezApiVersion? ParseApiVersion(string text)
    {
        ReadOnlySpan<char> digits = text.AsSpan();
        if (digits.Length > 0 && (digits[0] == 'V' || digits[0] == 'v'))
        {
            digits = digits[1..];
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && Enum.IsDefined((BytezApiVersion)number)
            ? (BytezApiVersion)number
            : null;
    }

    private static bool? ReadBool(IConfiguration section, string path, string key) =>
        Read(section, key) is not { } text ? null
        : bool.TryParse(text, out bool value) ? value
        : throw Malformed(path, key, "true or false");

    private static string? Read(IConfiguration section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Reads a time span; zero only where the option accepts it (a poll interval, a retry base delay).</summary>
    private static TimeSpan? ReadTimeSpan(IConfiguration section, string path, string key, bool allowZero = false)
    {
        if (Read(section, key) is not { } text)
        {
            return null;
        }

        // The configuration binder's format (00:15:00), or "Infinite" like Timeout.InfiniteTimeSpan.
        if (string.Equals(text, "Infinite", StringComparison.OrdinalIgnoreCase))
        {
            return Timeout.InfiniteTimeSpan;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value) && (value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero))
            ? value
            : throw Malformed(path, key, allowZero ? "a time span of zero or more such as 00:00:05" : "a positive time span such as 00:15:00");
    }

    private static InvalidOperationException Malformed(string path, string key, string expected) =>
        new($"Configuration value '{path}:{key}' is not valid: expected {expected}.");
}
