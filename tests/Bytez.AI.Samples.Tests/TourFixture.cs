using Bytez.AI.Samples.Tour;

namespace Bytez.AI.Samples.Tests;

/// <summary>Runs the tour once per API generation for all its tests (each run uses seven models).</summary>
public sealed class TourFixture : IAsyncLifetime
{
    private readonly Dictionary<BytezApiVersion, SampleRun> _runs = [];

    public string Folder(BytezApiVersion api) => Path.Combine(Root, api.ToString());

    private string Root { get; } = Path.Combine(Path.GetTempPath(), "bytez-tour-" + Guid.NewGuid().ToString("N"));

    internal SampleRun Run(BytezApiVersion api) => _runs[api];

    public async Task InitializeAsync()
    {
        foreach (var api in new[] { BytezApiVersion.V2, BytezApiVersion.V1 })
        {
            _runs[api] = await SampleRun.StartAsync(api, TourApp.RunAsync, "--output", Folder(api));
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
