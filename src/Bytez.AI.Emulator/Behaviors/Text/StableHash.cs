using System.Buffers;
using System.Text;

namespace Bytez.AI.Emulator.Behaviors.Text;

/// <summary>
/// Process-independent hashing (64-bit FNV-1a over UTF-8). <see cref="string.GetHashCode()"/> is randomised per
/// process, so it can never seed an emulated output: the same input must give the same output in every run.
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong hash = OffsetBasis;
        foreach (byte b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }

    public static ulong Fnv1a(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            int written = Encoding.UTF8.GetBytes(text, buffer);
            return Fnv1a(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The SplitMix64 finaliser: spreads FNV's weak low bits before they pick indices.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public static ulong Combine(ulong hash, ulong other) => Mix(hash ^ Mix(other));

    /// <summary>A bucket in [0, count) for <paramref name="text"/> under <paramref name="salt"/>.</summary>
    public static int Bucket(string text, int salt, int count) => (int)(Combine(Fnv1a(text), (ulong)salt) % (ulong)count);
}
