using System.Globalization;

namespace Bytez.AI.Benchmarks.Infrastructure;

/// <summary>Formats times, byte counts and sizes for the Markdown tables.</summary>
public static class Units
{
    /// <summary>Formats a duration in seconds with a unit that keeps 3 significant digits (µs, ms or s).</summary>
    /// <param name="seconds">The duration.</param>
    /// <returns>The text; an en dash for NaN.</returns>
    public static string Time(double seconds) =>
        double.IsNaN(seconds) ? "–" :
        seconds < 1e-3 ? Invariant($"{seconds * 1e6:0.0} µs") :
        seconds < 1 ? Invariant($"{seconds * 1e3:0.00} ms") :
        Invariant($"{seconds:0.00} s");

    /// <summary>Formats a byte count (B, KB, MB or GB, binary units).</summary>
    /// <param name="bytes">The count.</param>
    /// <returns>The text; an en dash for NaN.</returns>
    public static string Bytes(double bytes) =>
        double.IsNaN(bytes) ? "–" :
        Math.Abs(bytes) < 100 * 1024 ? Invariant($"{bytes:N0} B") :
        Math.Abs(bytes) < 10 * 1024 * 1024 ? Invariant($"{bytes / 1024:N1} KB") :
        Math.Abs(bytes) < 10.0 * 1024 * 1024 * 1024 ? Invariant($"{bytes / (1024 * 1024):N1} MB") :
        Invariant($"{bytes / (1024.0 * 1024 * 1024):N2} GB");

    /// <summary>Formats a size given in KB (1 MB and up in MB).</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The text.</returns>
    public static string Size(int kb) => kb >= 1024 && kb % 1024 == 0 ? Invariant($"{kb / 1024} MB") : Invariant($"{kb} KB");

    /// <summary>Formats a number with two decimals.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text; an en dash for NaN.</returns>
    public static string Number(double value) => double.IsNaN(value) ? "–" : Invariant($"{value:0.00}");

    /// <summary>Formats a ratio such as <c>1.07×</c>.</summary>
    /// <param name="value">The ratio.</param>
    /// <returns>The text; an en dash for NaN.</returns>
    public static string Ratio(double value) => double.IsNaN(value) ? "–" : Invariant($"{value:0.00}×");

    /// <summary>Formats with the invariant culture.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The formatted text.</returns>
    public static string Invariant(FormattableString text) => text?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
