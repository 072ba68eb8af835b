using System.Net;
using Bytez.AI.Emulator;
using Bytez.AI.Tests.Reliability.Infrastructure;

namespace Bytez.AI.Tests.Reliability;

/// <summary>
/// A body larger than <see cref="BytezClientOptions.MaxResponseSize"/> fails at the limit with a clear
/// <see cref="BytezProtocolException"/>, is never retried, and is not read past the limit (issue 14 item 7).
/// </summary>
public sealed class ResponseSizeTests
{
    private const string Model = TestModels.Chat;
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);
    private static readonly BytezInput Question = BytezInput.FromMessages([new BytezChatMessage("user", "What is the capital of France?")]);

    [Fact]
    public async Task An_endless_body_fails_at_the_limit_and_is_not_retried()
    {
        await using var h = await Harness.StartAsync(configureClient: o => o.MaxResponseSize = 256 * 1024);
        var model = h.Client.GetModel(Model);
        await model.LoadAsync();
        h.Emulator.Script(Model).Fault(EmulatorFault.EndlessBody, times: -1);

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => model.RunAsync(Question).WaitAsync(Watchdog));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Contains("a body larger than 256 KiB (reading stopped there)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BytezClientOptions.MaxResponseSize", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Log.RunCount(Model)); // never retried, although the retry handler read the body
        Assert.Equal(0, h.Counter.Undisposed);
        h.Emulator.Script(Model).Clear();
        await model.StopAsync();
    }

    [Theory]
    [InlineData(1500, "larger than 1500 bytes")] // not a whole number of KiB
    [InlineData(1024, "larger than 1 KiB")] // exactly one KiB
    [InlineData(1025, "larger than 1025 bytes")] // one byte over one KiB
    [InlineData(3 * 1024 * 1024 / 2, "larger than 1.5 MiB")] // not a whole number of MiB
    [InlineData(1024 * 1024, "larger than 1 MiB")] // exactly one MiB
    [InlineData(1024 * 1024 - 1024, "larger than 1023 KiB")] // just under one MiB, a whole number of KiB
    public async Task The_limit_is_stated_in_the_unit_its_option_uses(long limit, string expected)
    {
        await using var h = await Harness.StartAsync(configureClient: o => o.MaxResponseSize = limit);
        var model = h.Client.GetModel(Model);
        await model.LoadAsync();
        h.Emulator.Script(Model).Fault(EmulatorFault.EndlessBody, times: -1);

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => model.RunAsync(Question).WaitAsync(Watchdog));

        Assert.Contains($"a body {expected} (reading stopped there)", ex.Message, StringComparison.Ordinal);
        h.Emulator.Script(Model).Clear();
        await model.StopAsync();
    }

    [Theory]
    [BothApiVersions]
    public async Task An_endless_body_fails_at_the_limit_through_the_client_s_own_HttpClient_too(BytezApiVersion api)
    {
        await using var emulator = await BytezEmulator.StartAsync(Harness.EmulatorOptions());
        using var client = new BytezClient(new BytezClientOptions
        {
            Endpoint = emulator.Endpoint,
            ApiKey = Harness.ApiKey,
            ApiVersion = api,
            LoadPollInterval = TimeSpan.FromMilliseconds(5),
            MaxResponseSize = 256 * 1024,
            Retry = Harness.FastRetries(),
        });
        var model = client.GetModel(Model);
        await model.LoadAsync();
        emulator.Script(Model).Fault(EmulatorFault.EndlessBody, times: -1);

        await Assert.ThrowsAsync<BytezProtocolException>(() => model.RunAsync(Question).WaitAsync(Watchdog));

        Assert.Equal(1, emulator.RequestLog.RunCount(Model));
        emulator.Script(Model).Clear();
        if (api == BytezApiVersion.V1)
        {
            await model.StopAsync(); // v2 is serverless: its load sent nothing and there is nothing to stop
        }
    }

    [Fact]
    public async Task A_body_announced_larger_than_the_limit_fails_before_any_of_it_is_read()
    {
        var body = new UnreadableContent(length: 512L * 1024 * 1024);
        var stub = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = body });
        using var client = stub.Client();

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => client.GetModel(Model).RunAsync(Question));

        Assert.Contains("a body of 512 MiB (announced by Content-Length, so nothing was read)", ex.Message, StringComparison.Ordinal);
        Assert.False(body.WasRead);
        Assert.Single(stub.Requests); // not retried
    }

    [Fact]
    public async Task An_answer_within_the_limit_is_read_whole()
    {
        await using var h = await Harness.StartAsync(configureClient: o => o.MaxResponseSize = BytezClientOptions.MinMaxResponseSize);
        var model = h.Client.GetModel(Model);
        await model.LoadAsync();
        h.Emulator.Script(Model).Reply("Paris.");

        var result = await model.RunAsync(Question);

        Assert.Contains("Paris.", result.GetGeneratedText(), StringComparison.Ordinal);
        await model.StopAsync();
    }

    /// <summary>A body that announces its length and records whether anyone tried to read it.</summary>
    private sealed class UnreadableContent(long length) : HttpContent
    {
        public bool WasRead { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            WasRead = true;
            throw new InvalidOperationException("The body was read.");
        }

        protected override Task<Stream> CreateContentReadStreamAsync()
        {
            WasRead = true;
            throw new InvalidOperationException("The body was read.");
        }

        protected override bool TryComputeLength(out long result)
        {
            result = length;
            return true;
        }
    }
}
