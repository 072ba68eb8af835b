using System.Text;
using Bytez.AI.Emulator;
using Bytez.AI.Tests.Reliability.Infrastructure;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace Bytez.AI.Tests.Reliability.FaultMatrix;

/// <summary>
/// Every fault of issue 6 on every surface, on each generation that has the surface (runs on v1 and v2, loads on v1
/// only), ends in the expected typed exception or a successful retry, leaves no
/// instance running, no undisposed response, no unobserved task exception and no key in any message or log line.
/// </summary>
public sealed class FaultMatrixTests(ITestOutputHelper output)
{
    public static TheoryData<BytezApiVersion, EmulatorFault, Surface> Cases()
    {
        var data = new TheoryData<BytezApiVersion, EmulatorFault, Surface>();
        foreach (var apiVersion in new[] { BytezApiVersion.V1, BytezApiVersion.V2 })
        {
            foreach (var surface in Expectation.Surfaces(apiVersion))
            {
                foreach (var fault in Enum.GetValues<EmulatorFault>())
                {
                    data.Add(apiVersion, fault, surface);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fault_ends_in_a_typed_error_or_a_retry(BytezApiVersion apiVersion, EmulatorFault fault, Surface surface)
    {
        var expected = Expectation.For(fault, surface, apiVersion);
        var modelId = surface switch
        {
            Surface.Load => TestModels.TextGeneration,
            Surface.LoadOnFirstUse or Surface.Embeddings => TestModels.SentenceSimilarity,
            Surface.Image => TestModels.TextToImage,
            Surface.Chat or Surface.StreamingChat => TestModels.Chat,
            _ => TestModels.Chat,
        };
        var isLoad = surface is Surface.Load or Surface.LoadOnFirstUse;
        var isProtocol = surface is Surface.Load or Surface.Run or Surface.StreamingRun;
        Exception? error = null;
        int requests;
        await using (var h = await Harness.StartAsync(configureClient: o => Limits(o, expected), requestTimeout: RequestTimeout(fault), apiVersion: apiVersion))
        {
            var model = h.Client.GetModel(modelId);
            h.Emulator.Script(modelId).Fault(fault, 1, isLoad ? EmulatorOperation.Load : EmulatorOperation.Run);
            try
            {
                await ActAsync(model, surface);
            }
            catch (Exception ex)
            {
                error = ex;
            }
            finally
            {
                // The protocol client has no lifecycle: its caller stops what it loaded. Adapters stop on disposal.
                if (isProtocol)
                {
                    await h.StopQuietlyAsync(modelId);
                }
            }

            // A request the emulator never answered is logged once the caller has left: let the log catch up.
            requests = await h.Log.CountWhenSettledAsync(log => isLoad ? log.LoadCount(modelId) : log.RunCount(modelId), expected.Requests);
            Assert.Equal(0, h.Counter.Undisposed);
            Assert.DoesNotContain(Harness.ApiKey, h.Logs.AllText, StringComparison.Ordinal);
            output.WriteLine($"{fault} on {surface} ({apiVersion}): {error?.GetType().Name ?? "success"}, {requests} request(s), {h.Counter.Attempts} HTTP attempts in all");
            if (error is not null)
            {
                output.WriteLine(error.Message);
            }

            await h.DisposeAsync();
            Assert.Equal(h.Log.InstancesStarted, h.Log.InstancesStopped);
        }

        if (expected.Error is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.NotNull(error);
            Assert.IsType(expected.Error, error);
            Assert.DoesNotContain(Harness.ApiKey, error.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(expected.Requests, requests);
        Assert.Empty(UnobservedExceptions.Collect());
    }

    /// <summary>
    /// Short limits where the fault waits for them (a load that times out, a stalled stream, an endless body), so the
    /// matrix stays quick; generous ones elsewhere, since the load deadline also ends a request that is merely slow.
    /// </summary>
    private static void Limits(BytezClientOptions options, Expectation expected)
    {
        if (expected.Error == typeof(BytezLoadTimeoutException))
        {
            options.LoadTimeout = TimeSpan.FromMilliseconds(500);
        }

        options.StreamIdleTimeout = TimeSpan.FromSeconds(2);
        options.MaxResponseSize = 1024 * 1024;
    }

    /// <summary>A request that is never answered waits for the request timeout: 2 s here rather than 20.</summary>
    private static TimeSpan? RequestTimeout(EmulatorFault fault) => fault == EmulatorFault.NeverAnswers ? TimeSpan.FromSeconds(2) : null;

    private static async Task ActAsync(BytezModel model, Surface surface)
    {
        switch (surface)
        {
            case Surface.Chat or Surface.StreamingChat:
                var chat = model.AsIChatClient();
                await using (((IAsyncDisposable)chat).ConfigureAwait(false))
                {
                    ChatMessage[] question = [new(ChatRole.User, "What is the capital of France?")];
                    if (surface == Surface.Chat)
                    {
                        var response = await chat.GetResponseAsync(question);
                        Assert.False(string.IsNullOrEmpty(response.Text));
                    }
                    else
                    {
                        var updates = await chat.GetStreamingResponseAsync(question).ToListAsync();
                        Assert.DoesNotContain('\uFFFD', string.Concat(updates.Select(u => u.Text)));
                    }
                }

                return;
            case Surface.LoadOnFirstUse or Surface.Embeddings:
                var embedder = model.AsIEmbeddingGenerator();
                await using (((IAsyncDisposable)embedder).ConfigureAwait(false))
                {
                    var embeddings = await embedder.GenerateAsync(["The quick brown fox"]);
                    Assert.NotEqual(0, Assert.Single(embeddings).Vector.Length);
                }

                return;
            case Surface.Image:
                var images = model.AsIImageGenerator();
                await using (((IAsyncDisposable)images).ConfigureAwait(false))
                {
                    var response = await images.GenerateAsync(new ImageGenerationRequest("a red fox in the snow"), new ImageGenerationOptions { Count = 1 });
                    var png = Assert.IsType<DataContent>(Assert.Single(response.Contents));
                    Assert.Equal("image/png", png.MediaType);
                }

                return;
        }

        await model.LoadAsync();
        BytezInput messages = BytezInput.FromMessages([new BytezChatMessage("user", "What is the capital of France?")]);
        switch (surface)
        {
            case Surface.Run:
                var result = await model.RunAsync(messages);
                Assert.False(string.IsNullOrEmpty(result.GetGeneratedText()));
                break;
            case Surface.StreamingRun:
                var text = new StringBuilder();
                await foreach (var piece in model.RunStreamingAsync(messages))
                {
                    text.Append(piece);
                }

                Assert.DoesNotContain('\uFFFD', text.ToString());
                break;
        }
    }
}
