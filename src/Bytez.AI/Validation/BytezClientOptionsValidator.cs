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
            ApiKey = options.ApiKey.Trim(),
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
