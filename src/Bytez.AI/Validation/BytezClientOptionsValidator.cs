namespace Bytez.AI.Validation;

/// <summary>
/// Validates <see cref="BytezClientOptions"/> and takes the copy a client keeps. The same checks serve the client's
/// constructor (which throws) and dependency injection's start-up validation (which names the configuration key).
/// </summary>
internal static class BytezClientOptionsValidator
{
    /// <summary>Validates <paramref name="options"/> and copies them, so later changes have no effect.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The validated copy.</returns>
    /// <exception cref="ArgumentException">A setting is invalid (<see cref="ArgumentOutOfRangeException"/> for a value out of range).</exception>
    public static BytezClientOptions ValidatedCopy(BytezClientOptions options)
    {
        if (FindProblem(options) is { } problem)
        {
            throw problem.Error;
        }

        return new BytezClientOptions
        {
            Endpoint = NormalizeEndpoint(options.Endpoint),
            ApiVersion = options.ApiVersion,
            ApiKey = options.ApiKey!.Trim(),
            ProviderKeys = CopyProviderKeys(options.ProviderKeys),
            HttpClient = options.HttpClient,
            RequestTimeout = options.RequestTimeout,
            LoadTimeout = options.LoadTimeout,
            LoadPollInterval = options.LoadPollInterval,
            StreamIdleTimeout = options.StreamIdleTimeout,
            MaxResponseSize = options.MaxResponseSize,
            AllowInsecureHttp = options.AllowInsecureHttp,
            Retry = (options.Retry ?? new BytezRetryOptions()).ValidatedCopy(nameof(BytezClientOptions.Retry)),
            LoggerFactory = options.LoggerFactory,
            TimeProvider = options.TimeProvider ?? TimeProvider.System,
        };
    }

    /// <summary>Finds the first invalid setting, if any.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The setting to fix, with the exception the client's constructor throws for it; null when all are valid.</returns>
    public static BytezOptionProblem? FindProblem(BytezClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return new(nameof(BytezClientOptions.ApiKey), new ArgumentException(
                "A Bytez API key is required: set BytezClientOptions.ApiKey, for example from the BYTEZ_API_KEY environment variable (keys are on https://bytez.com/settings).",
                nameof(options)));
        }

        if (EndpointProblem(options.Endpoint, options.AllowInsecureHttp, nameof(options)) is { } endpoint)
        {
            return new(nameof(BytezClientOptions.Endpoint), endpoint);
        }

        if (!Enum.IsDefined(options.ApiVersion))
        {
            return new(nameof(BytezClientOptions.ApiVersion), OutOfRange(
                nameof(BytezClientOptions.ApiVersion), options.ApiVersion,
                $"BytezClientOptions.ApiVersion must be BytezApiVersion.V2 (Bytez's current API, the default) or BytezApiVersion.V1 (the legacy model/* API); {(int)options.ApiVersion} is neither."));
        }

        if (ProviderKeysProblem(options.ProviderKeys, nameof(BytezClientOptions.ProviderKeys)) is { } providerKeys)
        {
            return new(nameof(BytezClientOptions.ProviderKeys), providerKeys);
        }

        if (NotPositive(options.RequestTimeout, nameof(BytezClientOptions.RequestTimeout)) is { } request)
        {
            return new(nameof(BytezClientOptions.RequestTimeout), request);
        }

        if (NotPositive(options.LoadTimeout, nameof(BytezClientOptions.LoadTimeout)) is { } load)
        {
            return new(nameof(BytezClientOptions.LoadTimeout), load);
        }

        if (options.LoadPollInterval < TimeSpan.Zero)
        {
            return new(nameof(BytezClientOptions.LoadPollInterval), OutOfRange(
                nameof(BytezClientOptions.LoadPollInterval), options.LoadPollInterval, "LoadPollInterval must not be negative (zero polls without pausing)."));
        }

        if (NotPositive(options.StreamIdleTimeout, nameof(BytezClientOptions.StreamIdleTimeout)) is { } idle)
        {
            return new(nameof(BytezClientOptions.StreamIdleTimeout), idle);
        }

        if (options.MaxResponseSize is < BytezClientOptions.MinMaxResponseSize or > BytezClientOptions.MaxMaxResponseSize)
        {
            return new(nameof(BytezClientOptions.MaxResponseSize), OutOfRange(
                nameof(BytezClientOptions.MaxResponseSize), options.MaxResponseSize,
                $"MaxResponseSize must be between {BytezClientOptions.MinMaxResponseSize} bytes (1 KiB) and {BytezClientOptions.MaxMaxResponseSize} bytes (1 GiB); the default is {BytezClientOptions.DefaultMaxResponseSize} (64 MiB)."));
        }

        return (options.Retry ?? new BytezRetryOptions()).FindProblem(nameof(BytezClientOptions.Retry)) is { } retry
            ? retry with { Member = nameof(BytezClientOptions.Retry) + ":" + retry.Member }
            : null;
    }

    /// <summary>Checks the provider keys: each named by a provider or a model id (no white space, at most one slash), none empty.</summary>
    private static ArgumentException? ProviderKeysProblem(IDictionary<string, string>? keys, string paramName)
    {
        foreach (var (name, key) in keys ?? new Dictionary<string, string>())
        {
            var trimmedName = name?.Trim();
            if (string.IsNullOrEmpty(trimmedName) || trimmedName.Any(char.IsWhiteSpace) || trimmedName.Count(c => c == '/') > 1 || trimmedName.StartsWith('/') || trimmedName.EndsWith('/'))
            {
                return new ArgumentException(
                    $"BytezClientOptions.ProviderKeys has an entry named '{name}': name a provider ('openai', 'anthropic', 'google', 'mistral', 'cohere') or a model id such as 'openai/gpt-4o'.",
                    paramName);
            }

            if (string.IsNullOrWhiteSpace(key))
            {
                return new ArgumentException(
                    $"BytezClientOptions.ProviderKeys['{trimmedName}'] is empty: set the provider's API key, or remove the entry.",
                    paramName);
            }
        }

        return null;
    }

    /// <summary>Copies valid provider keys with trimmed names and values, compared without regard to case.</summary>
    private static Dictionary<string, string> CopyProviderKeys(IDictionary<string, string>? keys)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key) in keys ?? new Dictionary<string, string>())
        {
            copy[name.Trim()] = key.Trim();
        }

        return copy;
    }

    private static ArgumentException? EndpointProblem(Uri? endpoint, bool allowInsecureHttp, string paramName)
    {
        if (endpoint is null || !endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            return new ArgumentException(
                $"BytezClientOptions.Endpoint must be an absolute http or https address such as {BytezClientOptions.DefaultEndpoint}; got '{endpoint}'.",
                paramName);
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && !allowInsecureHttp)
        {
            return new ArgumentException(
                $"BytezClientOptions.Endpoint '{endpoint}' is plain HTTP to a host that is not loopback, which would send the API key unencrypted. Use https, or set BytezClientOptions.AllowInsecureHttp = true if you accept that.",
                paramName);
        }

        return null;
    }

    /// <summary>A trailing slash keeps a base path (e.g. http://host/bytez/) when relative paths are resolved against it.</summary>
    private static Uri NormalizeEndpoint(Uri endpoint)
    {
        var builder = new UriBuilder(endpoint) { Query = string.Empty, Fragment = string.Empty };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }

    private static ArgumentOutOfRangeException? NotPositive(TimeSpan value, string name) =>
        value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
            ? null
            : OutOfRange(name, value, $"{name} must be positive or Timeout.InfiniteTimeSpan.");

    private static ArgumentOutOfRangeException OutOfRange(string name, object value, string message) => new(name, value, message);
}
