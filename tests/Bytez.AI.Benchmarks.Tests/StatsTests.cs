using Bytez.AI.Benchmarks.Measurements;
using Bytez.AI.Benchmarks.Sweeps;

namespace Bytez.AI.Benchmarks.Tests;

/// <summary>The exponent fit and the quantiles the reports rely on.</summary>
public sealed class StatsTests
{
    private static readonly double[] Sizes = [1, 4, 16, 64, 256, 1024];

    [Fact]
    public void Log_log_slope_recovers_the_exponent_of_a_power_law()
    {
        Assert.Equal(1, Stats.LogLogSlope([.. Sizes.Select(s => (s, 3 * s))]), precision: 9);
        Assert.Equal(2, Stats.LogLogSlope([.. Sizes.Select(s => (s, 0.5 * s * s))]), precision: 9);
        Assert.Equal(0, Stats.LogLogSlope([.. Sizes.Select(s => (s, 7.0))]), precision: 9);
        Assert.True(double.IsNaN(Stats.LogLogSlope([(1, 1)])));
    }

    [Fact]
    public void A_fixed_cost_per_call_pulls_the_fitted_exponent_of_linear_cost_below_one()
    {
        var slope = Stats.LogLogSlope([.. Sizes.Select(s => (s, 100 + s))]);

        Assert.InRange(slope, 0.3, 0.9);
    }

    [Fact]
    public void Quantiles_interpolate_between_ranks()
    {
        double[] values = [4, 1, 3, 2];

        Assert.Equal(2.5, Stats.Median(values));
        Assert.Equal(1, Stats.Quantile(values, 0));
        Assert.Equal(4, Stats.Quantile(values, 1));
        Assert.Equal(1.75, Stats.Quantile(values, 0.25));
        Assert.True(double.IsNaN(Stats.Median([])));
    }

    [Fact]
    public void Bench_text_has_the_exact_length_and_pieces_rebuild_it()
    {
        var text = BenchText.Of(1000, seed: 4);

        Assert.Equal(1000, text.Length);
        Assert.True(text.All(char.IsAscii));
        Assert.Equal(text, string.Concat(BenchText.Pieces(text, 64)));
        Assert.NotEqual(text, BenchText.Of(1000, seed: 5));
    }
}
