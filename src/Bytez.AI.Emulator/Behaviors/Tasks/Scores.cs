using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>Deterministic, plausible confidence scores.</summary>
internal static class Scores
{
    public static double Round(double score) => Math.Round(score, 4);

    /// <summary>
    /// <paramref name="count"/> strictly decreasing scores in (0, 1) whose sum stays below 1, like a softmax top-k:
    /// the first in [0.55, 0.9), each next one roughly half of what is left.
    /// </summary>
    public static double[] Descending(ulong seed, int count)
    {
        var rng = new DeterministicRandom(seed);
        var scores = new double[Math.Max(0, count)];
        double remaining = 1.0;
        for (int i = 0; i < scores.Length; i++)
        {
            double share = i == 0 ? 0.55 + (0.35 * rng.NextDouble()) : 0.35 + (0.2 * rng.NextDouble());
            scores[i] = Round(Math.Max(0.0001, remaining * share));
            remaining -= scores[i];
            if (i > 0 && scores[i] >= scores[i - 1])
            {
                scores[i] = Round(scores[i - 1] * 0.9);
            }
        }

        return scores;
    }

    /// <summary>A softmax: the results sum to 1.</summary>
    public static double[] Softmax(IReadOnlyList<double> logits)
    {
        double max = logits.Count == 0 ? 0 : logits.Max();
        double[] exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        double sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    /// <summary>A high score in [low, high) picked by <paramref name="seed"/>.</summary>
    public static double Between(ulong seed, double low, double high) => Round(low + ((high - low) * new DeterministicRandom(seed).NextDouble()));
}
