using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Validation;

/// <summary>
/// The checks every adapter makes before any network call, so bad input fails at once with a message naming the fix
/// rather than after a model load or as an opaque server error.
/// </summary>
internal static class BytezOptionsValidator
{
    /// <summary>The largest accepted temperature (Hugging Face accepts any positive value; beyond this it is noise).</summary>
    public const float MaxTemperature = 100f;

    /// <summary>The largest accepted image width or height, in pixels.</summary>
    public const int MaxImageSide = 4096;

    /// <summary>The largest accepted image count per request.</summary>
    public const int MaxImageCount = 100;

    /// <summary>The only image media type Bytez produces.</summary>
    public const string PngMediaType = "image/png";

    private const string SamplingAdvice = ": 0 for the most likely text, about 0.7 for ordinary sampling.";
    private const string TopPAdvice = " (a probability mass, such as 0.9).";
    private const string OnOpenAICompatible = " on the OpenAI-compatible endpoint";

    /// <summary>Validates load options (<see cref="BytezModel.LoadAsync"/> and the adapters' instance options).</summary>
    /// <param name="options">The options; null means the defaults.</param>
    /// <returns>The options, or the defaults.</returns>
    public static BytezLoadOptions Validate(BytezLoadOptions? options)
    {
        options ??= new BytezLoadOptions();
        if (options.Concurrency is < 1 or > BytezLoadOptions.MaxConcurrency)
        {
            throw new ArgumentOutOfRangeException(
                "options.Concurrency", options.Concurrency,
                $"BytezLoadOptions.Concurrency must be between 1 and {BytezLoadOptions.MaxConcurrency}: the number of requests one instance serves at a time.");
        }

        if (options.IdleTimeout < TimeSpan.FromSeconds(1) || options.IdleTimeout.TotalSeconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                "options.IdleTimeout", options.IdleTimeout,
                "BytezLoadOptions.IdleTimeout must be at least one second (the instance stops after this much idle time).");
        }

        if (options.PollInterval is { } poll && poll < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                "options.PollInterval", poll, "BytezLoadOptions.PollInterval must not be negative; use TimeSpan.Zero to poll without pausing.");
        }

        if (options.LoadTimeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(
                "options.LoadTimeout", timeout,
                "BytezLoadOptions.LoadTimeout must be positive (cold loads take minutes) or Timeout.InfiniteTimeSpan.");
        }

        return options;
    }

    /// <summary>Validates an adapter's instance options: its load options, and how far a reported concurrency is trusted.</summary>
    /// <param name="options">The options.</param>
    public static void Validate(BytezInstanceOptions options)
    {
        Validate(options.LoadOptions);
        if (options.MaxReportedConcurrency is < 1 or > BytezLoadOptions.MaxConcurrency)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaxReportedConcurrency,
                $"BytezInstanceOptions.MaxReportedConcurrency must be between 1 and {BytezLoadOptions.MaxConcurrency}: the most runs one call sends at once on the strength of the concurrency Bytez reports (default {BytezInstanceOptions.DefaultMaxReportedConcurrency}).");
        }
    }

    /// <summary>Validates the numeric chat options Bytez passes to the model as generation parameters.</summary>
    /// <param name="options">The options; null is valid.</param>
    public static void Validate(ChatOptions? options)
    {
        if (options is null)
        {
            return;
        }

        if (options.MaxOutputTokens is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaxOutputTokens, "ChatOptions.MaxOutputTokens must be at least 1 (it becomes max_new_tokens); leave it null for the model's default.");
        }

        InRange(nameof(options), options.Temperature, 0, MaxTemperature, "Temperature", SamplingAdvice);
        InRange(nameof(options), options.TopP, 0, 1, "TopP", TopPAdvice);

        if (options.TopK is < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.TopK, "ChatOptions.TopK must not be negative (0 or null leaves it to the model).");
        }
    }

    /// <summary>
    /// Validates the chat options of the OpenAI-compatible route against the OpenAI API's documented ranges (the native
    /// route's Hugging Face ranges differ: its penalties become a repetition penalty).
    /// </summary>
    /// <param name="options">The options; null is valid.</param>
    public static void ValidateOpenAICompatible(ChatOptions? options)
    {
        if (options is null)
        {
            return;
        }

        if (options.MaxOutputTokens is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaxOutputTokens, "ChatOptions.MaxOutputTokens must be at least 1 (it becomes max_completion_tokens); leave it null for the model's default.");
        }

        InRange(nameof(options), options.Temperature, 0, 2, "Temperature", OnOpenAICompatible + SamplingAdvice);
        InRange(nameof(options), options.TopP, 0, 1, "TopP", TopPAdvice);
        InRange(nameof(options), options.FrequencyPenalty, -2, 2, "FrequencyPenalty", OnOpenAICompatible + ".");
        InRange(nameof(options), options.PresencePenalty, -2, 2, "PresencePenalty", OnOpenAICompatible + ".");
    }

    /// <summary>
    /// Throws when a numeric <see cref="ChatOptions"/> property is set and NaN or outside [<paramref name="min"/>,
    /// <paramref name="max"/>]; the message (built only then) names the property, the range and <paramref name="advice"/>.
    /// </summary>
    /// <param name="paramName">The name of the caller's options parameter.</param>
    /// <param name="value">The property's value; null is valid.</param>
    /// <param name="min">The smallest valid value.</param>
    /// <param name="max">The largest valid value.</param>
    /// <param name="property">The property's name.</param>
    /// <param name="advice">What follows the range in the message: where it applies, what to set.</param>
    private static void InRange(string paramName, float? value, float min, float max, string property, string advice)
    {
        if (value is { } v && (float.IsNaN(v) || v < min || v > max))
        {
            throw new ArgumentOutOfRangeException(
                paramName, v, string.Create(CultureInfo.InvariantCulture, $"ChatOptions.{property} must be between {min} and {max}{advice}"));
        }
    }

    /// <summary>Validates embedding options against the generator's settings.</summary>
    /// <param name="options">The options; null is valid.</param>
    public static void Validate(EmbeddingGenerationOptions? options)
    {
        if (options?.Dimensions is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Dimensions, "EmbeddingGenerationOptions.Dimensions must be at least 1; leave it null for the model's dimensions.");
        }
    }

    /// <summary>Validates the embedding generator's options (at its construction).</summary>
    /// <param name="options">The options.</param>
    public static void Validate(BytezEmbeddingGeneratorOptions options)
    {
        if (options.MaxParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxParallelism, "BytezEmbeddingGeneratorOptions.MaxParallelism must be at least 1; leave it null to use the instance's loaded concurrency.");
        }
    }

    /// <summary>Validates image generation options: counts and sizes in range, PNG data only (what Bytez produces).</summary>
    /// <param name="options">The options; null is valid.</param>
    [Experimental("MEAI001")]
    public static void Validate(ImageGenerationOptions? options)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count is < 1 or > MaxImageCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.Count, $"ImageGenerationOptions.Count must be between 1 and {MaxImageCount} (each image is one run).");
        }

        if (options.ImageSize is { } size && (size.Width < 1 || size.Height < 1 || size.Width > MaxImageSide || size.Height > MaxImageSide))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), size, $"ImageGenerationOptions.ImageSize must have a width and height between 1 and {MaxImageSide} pixels, such as new Size(512, 512).");
        }

        if (options.MediaType is { } mediaType && !string.Equals(mediaType, PngMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Bytez image models produce PNG only; MediaType '{mediaType}' is not supported. Use '{PngMediaType}' or leave it unset.");
        }
    }
}
