using Bytez.AI;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Validates the registered <see cref="BytezClientOptions"/> with the client's own checks, so that a host started with
/// no key, a bad endpoint or an out-of-range value fails at start-up (<c>ValidateOnStart</c>) rather than at the first
/// call, with a message naming the configuration key to fix.
/// </summary>
/// <param name="sectionPath">The configuration section the options are read from, such as <c>Bytez</c>; null when none.</param>
internal sealed class BytezClientOptionsValidation(string? sectionPath) : IValidateOptions<BytezClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BytezClientOptions options)
    {
        if (name is not null && name != Options.Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        if (BytezClientOptionsValidator.FindProblem(options) is not { } problem)
        {
            return ValidateOptionsResult.Success;
        }

        var key = string.IsNullOrEmpty(sectionPath) ? problem.Member : $"{sectionPath}:{problem.Member}";
        var alternative = problem.Member == nameof(BytezClientOptions.ApiKey)
            ? $" or the {BytezServiceCollectionExtensions.ApiKeyVariableName} environment variable"
            : string.Empty;
        var message = problem.Error is ArgumentOutOfRangeException { ActualValue: { } actual } ? $"{FirstLine(problem.Error.Message)} Got {actual}." : FirstLine(problem.Error.Message);
        return ValidateOptionsResult.Fail($"Bytez client options are invalid: {message} Fix the configuration value '{key}'{alternative}, or the options set in code.");
    }

    /// <summary>Drops the "(Parameter 'x')" and "Actual value was" lines .NET appends to argument exception messages.</summary>
    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        var line = end >= 0 ? message[..end] : message;
        var newline = line.IndexOfAny(['\r', '\n']);
        return (newline >= 0 ? line[..newline] : line).Trim();
    }
}
