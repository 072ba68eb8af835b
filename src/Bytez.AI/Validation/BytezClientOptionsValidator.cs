namespace Bytez.AI.Validation;

/// <summary>Validates <see cref="BytezClientOptions"/> and takes the copy a client keeps.</summary>
internal static class BytezClientOptionsValidator
{
    public static BytezClientOptions ValidatedCopy(BytezClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException(
                "A Bytez API key is required: set BytezClientOptions.ApiKey, for example from the BYTEZ_API_KEY environment variable (keys are on https://bytez.com/settings).",
                nameof(options));
        }

        return new BytezClientOptions
        {
            Endpoint = ValidateEndpoint(options.Endpoint, options.AllowInsecureHttp, nameof(options)),
            ApiVersion = ValidateApiVersion(options.ApiVersion, nameof(BytezClientOptions.ApiVersion)),
            ApiKey = options.ApiKey.Trim(),
            ProviderKeys = ValidateProviderKeys(options.ProviderKeys, nameof(BytezClientOptions.ProviderKeys)),
            HttpClient = options.HttpClient,
            RequestTimeout = Positive(options.RequestTimeout, nameof(BytezClientOptions.RequestTimeout), allowInfinite: true),
            LoadTimeout = Positive(options.LoadTimeout, nameof(BytezClientOptions.LoadTimeout), allowInfinite: true),
            LoadPollInterval = NotNegative(options.LoadPollInterval, nameof(BytezClientOptions.LoadPollInterval)),
            AllowInsecureHttp = options.AllowInsecureHttp,
            Retry = (options.Retry ?? new BytezRetryOptions()).ValidatedCopy(nameof(BytezClientOptions.Retry)),
            LoggerFactory = options.LoggerFactory,
            TimeProvider = options.TimeProvider ?? TimeProvider.System,
        };
    }

    public static BytezApiVersion ValidateApiVersion(BytezApiVersion version, string paramName) =>
        Enum.IsDefined(version)
            ? version
            : throw new ArgumentOutOfRangeException(
                paramName, version,
                $"BytezClientOptions.ApiVersion must be BytezApiVersion.V2 (Bytez's current API, the default) or BytezApiVersion.V1 (the legacy model/* API); {(int)version} is neither.");

    /// <summary>Copies the provider keys (case-insensitive names), refusing empty names or keys and model ids of the wrong form.</summary>
    public static Dictionary<string, string> ValidateProviderKeys(IDictionary<string, string>? keys, string paramName)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key) in keys ?? new Dictionary<string, string>())
        {
            var trimmedName = name?.Trim();
            if (string.IsNullOrEmpty(trimmedName) || trimmedName.Any(char.IsWhiteSpace) || trimmedName.Count(c => c == '/') > 1 || trimmedName.StartsWith('/') || trimmedName.EndsWith('/'))
            {
                throw new ArgumentException(
                    $"BytezClientOptions.ProviderKeys has an entry named '{name}': name a provider ('openai', 'anthropic', 'google', 'mistral', 'cohere') or a model id such as 'openai/gpt-4o'.",
                    paramName);
            }

            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException(
                    $"BytezClientOptions.ProviderKeys['{trimmedName}'] is empty: set the provider's API key, or remove the entry.",
                    paramName);
            }

            copy[trimmedName] = key.Trim();
        }

        return copy;
    }

    public static Uri ValidateEndpoint(Uri? endpoint, bool allowInsecureHttp, string paramName)
    {
        if (endpoint is null || !endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException(
                $"BytezClientOptions.Endpoint must be an absolute http or https address such as {BytezClientOptions.DefaultEndpoint}; got '{endpoint}'.",
                paramName);
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && !allowInsecureHttp)
        {
            throw new ArgumentException(
                $"BytezClientOptions.Endpoint '{endpoint}' is plain HTTP to a host that is not loopback, which would send the API key unencrypted. Use https, or set BytezClientOptions.AllowInsecureHttp = true if you accept that.",
                paramName);
        }

        // A trailing slash keeps a base path (e.g. http://host/bytez/) when relative paths are resolved against it.
        var builder = new UriBuilder(endpoint) { Query = string.Empty, Fragment = string.Empty };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }

    public static TimeSpan Positive(TimeSpan value, string name, bool allowInfinite)
    {
        if (value > TimeSpan.Zero || (allowInfinite && value == Timeout.InfiniteTimeSpan))
        {
            return value;
        }

        throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive{(allowInfinite ? " or Timeout.InfiniteTimeSpan" : string.Empty)}.");
    }

    public static TimeSpan NotNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");
}
