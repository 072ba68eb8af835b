namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>Median, 95th percentile and maximum of a sample, in milliseconds.</summary>
/// <param name="Count">The sample size.</param>
/// <param name="Median">The median.</param>
/// <param name="P95">The 95th percentile (nearest rank).</param>
/// <param name="Max">The maximum.</param>
public sealed record Percentiles(int Count, double Median, double P95, double Max)
{
    /// <summary>Computes the percentiles of a sample.</summary>
    /// <param name="milliseconds">The values.</param>
    /// <returns>The percentiles (zeros for an empty sample).</returns>
    public static Percentiles Of(IReadOnlyCollection<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0);
        }

        double[] sorted = [.. milliseconds.Order()];
        return new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1]);

        static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <inheritdoc />
    public override string ToString() => $"median {Median:0.000} ms, p95 {P95:0.000} ms, max {Max:0.000} ms (n = {Count})";
}
