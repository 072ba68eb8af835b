namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>Small statistics: quantiles and the log-log least-squares slope.</summary>
public static class Stats
{
    /// <summary>Gets a quantile with linear interpolation between the closest ranks.</summary>
    /// <param name="values">The sample (any order; not modified).</param>
    /// <param name="p">The quantile, 0 to 1.</param>
    /// <returns>The quantile; NaN for an empty sample.</returns>
    public static double Quantile(IReadOnlyCollection<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        double[] sorted = [.. values.Order()];
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    /// <summary>Gets the median.</summary>
    /// <param name="values">The sample.</param>
    /// <returns>The median; NaN for an empty sample.</returns>
    public static double Median(IReadOnlyCollection<double> values) => Quantile(values, 0.5);

    /// <summary>
    /// Fits <c>cost = a · size^k</c> by least squares on <c>ln cost</c> against <c>ln size</c> and returns <c>k</c>:
    /// 1 means cost proportional to size, 2 quadratic. NaN with fewer than two points.
    /// </summary>
    /// <param name="points">(size, cost) pairs, both positive.</param>
    /// <returns>The exponent.</returns>
    public static double LogLogSlope(IReadOnlyList<(double Size, double Cost)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var usable = points.Where(static p => p.Size > 0 && p.Cost > 0).Select(static p => (X: Math.Log(p.Size), Y: Math.Log(p.Cost))).ToList();
        if (usable.Count < 2)
        {
            return double.NaN;
        }

        var meanX = usable.Average(static p => p.X);
        var meanY = usable.Average(static p => p.Y);
        var covariance = usable.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = usable.Sum(p => (p.X - meanX) * (p.X - meanX));
        return covariance / variance;
    }
}
