namespace Bytez.AI.Emulator.Behaviors.Media;

/// <summary>What the emulator reads from a WAV input.</summary>
internal sealed record WavInfo(int SampleRate, int Channels, int BitsPerSample, int DataLength, bool IsSilent, string? Comment)
{
    public double DurationSeconds => SampleRate <= 0 || Channels <= 0 || BitsPerSample <= 0
        ? 0
        : DataLength / (double)(SampleRate * Channels * (BitsPerSample / 8));
}
