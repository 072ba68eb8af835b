using System.Globalization;

namespace Bytez.AI.Samples;

/// <summary>
/// Prints each status change of a model load as it happens, as the seed's <c>model.load()</c> does.
/// Reports are written synchronously (unlike <see cref="Progress{T}"/>) so they appear in order with the rest.
/// </summary>
/// <param name="output">Where to print.</param>
public sealed class ConsoleLoadProgress(TextWriter output) : IProgress<BytezLoadProgress>
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Report(BytezLoadProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [load] {value.ModelId}: {value.Status} after {value.Elapsed.TotalSeconds:0.0} s"));
        }
    }
}
