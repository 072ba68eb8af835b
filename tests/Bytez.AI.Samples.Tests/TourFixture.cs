using Bytez.AI.Samples.Tour;

namespace Bytez.AI.Samples.Tests;

/// <summary>Runs the tour once for all its tests (each run loads five models).</summary>
public sealed class TourFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "bytez-tour-" + Guid.NewGuid().ToString("N"));

    internal SampleRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await SampleRun.StartAsync(TourApp.RunAsync, "--output", Folder);

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
