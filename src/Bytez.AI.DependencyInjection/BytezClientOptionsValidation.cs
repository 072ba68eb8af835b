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

        if (options.TryValidate(out var setting, out var problem))
        {
            return ValidateOptionsResult.Success;
        }

        var key = string.IsNullOrEmpty(sectionPath) ? setting : $"{sectionPath}:{setting}";
        var alternative = setting == nameof(BytezClientOptions.ApiKey)
            ? $" or the {BytezServiceCollectionExtensions.ApiKeyVariableName} environment variable"
            : string.Empty;
        return ValidateOptionsResult.Fail($"Bytez client options are invalid: {problem} Fix the configuration value '{key}'{alternative}, or the options set in code.");
    }
}
