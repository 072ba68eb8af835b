using Bytez.AI.Emulator;
using Bytez.AI.Tests.Reliability.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bytez.AI.Tests.Reliability;

/// <summary>
/// A redirect to another host (issue 14 item 9): the client's own HttpClient (and the DI one) never follow it, and when
/// an HttpClient the caller supplied does, the other host's answer is refused. <c>Authorization</c> never goes along.
/// </summary>
public sealed class RedirectTests
{
    private const string Model = TestModels.Chat;
    private static readonly BytezInput Question = BytezInput.FromMessages([new BytezChatMessage("user", "What is the capital of France?")]);

    [Fact]
    public async Task The_other_host_s_answer_is_refused_when_a_supplied_HttpClient_follows_the_redirect()
    {
        await using var h = await Harness.StartAsync(); // its HttpClient follows redirects (the .NET default)
        var model = h.Client.GetModel(Model);
        await model.LoadAsync();
        h.Emulator.Script(Model).Fault(EmulatorFault.RedirectToOtherHost);

        var ex = await Assert.ThrowsAsync<BytezException>(() => model.RunAsync(Question));

        Assert.Null(ex.StatusCode); // the other host's status is not Bytez's
        Assert.Contains("was redirected to http://localhost:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("never taken as the model's", ex.Message, StringComparison.Ordinal);
        var other = Assert.Single(h.Log.Entries, e => e.Kind == EmulatorRequestKind.OtherHost);
        Assert.False(other.HadAuthorization); // the key did not go along
        Assert.Equal(1, h.Log.RunCount(Model)); // not retried
        await model.StopAsync();
    }

    [Fact]
    public async Task A_stream_redirected_by_a_supplied_HttpClient_is_refused_before_any_text()
    {
        await using var h = await Harness.StartAsync();
        var model = h.Client.GetModel(Model);
        await model.LoadAsync();
        h.Emulator.Script(Model).Fault(EmulatorFault.RedirectToOtherHost);
        var received = new List<string>();

        await Assert.ThrowsAsync<BytezException>(async () =>
        {
            await foreach (var piece in model.RunStreamingAsync(Question))
            {
                received.Add(piece);
            }
        });

        Assert.Empty(received);
        Assert.Equal(0, h.Counter.Undisposed);
        await model.StopAsync();
    }

    [Theory]
    [BothApiVersions]
    public async Task The_client_s_own_HttpClient_never_follows_a_redirect(BytezApiVersion api)
    {
        await using var emulator = await BytezEmulator.StartAsync(Harness.EmulatorOptions());
        using var client = new BytezClient(new BytezClientOptions { Endpoint = emulator.Endpoint, ApiKey = Harness.ApiKey, ApiVersion = api, LoadPollInterval = TimeSpan.FromMilliseconds(5) });
        var model = client.GetModel(Model);
        await model.LoadAsync();
        emulator.Script(Model).Fault(EmulatorFault.RedirectToOtherHost);

        var ex = await Assert.ThrowsAsync<BytezException>(() => model.RunAsync(Question));

        Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, ex.StatusCode);
        // The message names where the redirect pointed (the emulator's other loopback name), so the user can see why.
        Assert.Contains($"a redirect to http://localhost:{emulator.Endpoint.Port}, which the client does not follow", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.RequestLog.Count(EmulatorRequestKind.OtherHost)); // neither the key nor the input left
        await StopOnV1Async(model, api);
    }

    [Theory]
    [BothApiVersions]
    public async Task The_dependency_injection_client_never_follows_a_redirect(BytezApiVersion api)
    {
        await using var emulator = await BytezEmulator.StartAsync(Harness.EmulatorOptions());
        var services = new ServiceCollection();
        services.AddBytezClient(o =>
        {
            o.Endpoint = emulator.Endpoint;
            o.ApiKey = Harness.ApiKey;
            o.ApiVersion = api;
            o.LoadPollInterval = TimeSpan.FromMilliseconds(5);
        });
        await using var provider = services.BuildServiceProvider();
        var model = provider.GetRequiredService<BytezClient>().GetModel(Model);
        await model.LoadAsync();
        emulator.Script(Model).Fault(EmulatorFault.RedirectToOtherHost);

        await Assert.ThrowsAsync<BytezException>(() => model.RunAsync(Question));

        Assert.Equal(0, emulator.RequestLog.Count(EmulatorRequestKind.OtherHost));
        await StopOnV1Async(model, api);
    }

    /// <summary>Stops the instance the test loaded: only v1 has one (a v2 load is serverless and sends nothing).</summary>
    private static async Task StopOnV1Async(BytezModel model, BytezApiVersion api)
    {
        if (api == BytezApiVersion.V1)
        {
            await model.StopAsync();
        }
    }
}
