using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.ChatCompletion;

/// <summary>
/// How a chat call in flight ends, on both API generations (v1 runs through the lease's <c>ExecuteAsync</c>, the
/// serverless v2 call in the chat client's own frame): disposing the client ends it with
/// <see cref="ObjectDisposedException"/>, whatever token the caller passed; the caller's own cancellation ends it with an
/// <see cref="OperationCanceledException"/> that carries the caller's token.
/// </summary>
public sealed class ChatCallEndingTests
{
    // The answer to the run is held back far longer than any test waits: the call is in flight until it is ended.
    private static readonly TimeSpan HeldBack = TimeSpan.FromSeconds(30);

    [Theory]
    [BothApiVersions(false)]
    [BothApiVersions(true)]
    public async Task Disposing_the_client_ends_the_call_in_flight_with_ObjectDisposedException(BytezApiVersion apiVersion, bool cancelableToken)
    {
        var runSent = new RunSignal();
        await using var env = await StartAsync(apiVersion, runSent);
        var chat = env.Client.GetModel(TestModels.Chat).AsIChatClient();
        using var cts = new CancellationTokenSource();

        Task<ChatResponse> call = chat.GetResponseAsync("What is the capital of England?", cancellationToken: cancelableToken ? cts.Token : CancellationToken.None);
        await runSent.Task.WaitAsync(TimeSpan.FromSeconds(20));
        chat.Dispose();

        var ended = await Assert.ThrowsAsync<ObjectDisposedException>(() => call);
        Assert.IsAssignableFrom<OperationCanceledException>(ended.InnerException);
        Assert.Contains(TestModels.Chat, ended.Message, StringComparison.Ordinal);
        Assert.False(cts.IsCancellationRequested);
    }

    [Theory]
    [BothApiVersions]
    public async Task The_callers_cancellation_ends_the_call_with_the_callers_token(BytezApiVersion apiVersion)
    {
        var runSent = new RunSignal();
        await using var env = await StartAsync(apiVersion, runSent);
        using var chat = env.Client.GetModel(TestModels.Chat).AsIChatClient();
        using var cts = new CancellationTokenSource();

        Task<ChatResponse> call = chat.GetResponseAsync("What is the capital of England?", cancellationToken: cts.Token);
        await runSent.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await cts.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cts.Token, cancelled.CancellationToken);

        // The client is still usable: only that call ended.
        env.Emulator.Script(TestModels.Chat).Clear();
        ChatResponse next = await chat.GetResponseAsync("What is the capital of England?");
        Assert.False(string.IsNullOrEmpty(next.Text));
    }

    private static async Task<EmulatorFixture> StartAsync(BytezApiVersion apiVersion, RunSignal runSent)
    {
        var env = await EmulatorFixture.StartAsync(
            apiVersion,
            e => e.SlowFirstByteDelay = HeldBack,
            c => c.HttpClient = new HttpClient(runSent) { Timeout = Timeout.InfiniteTimeSpan });
        env.Emulator.Script(TestModels.Chat).Fault(EmulatorFault.SlowFirstByte, times: -1, EmulatorOperation.Run);
        return env;
    }

    /// <summary>Completes when the run request (v1: after the load) is sent: from then on the call is truly in flight.</summary>
    private sealed class RunSignal() : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => _sent.Task;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/model/run", StringComparison.Ordinal) || path.EndsWith("/models/v2/" + TestModels.Chat, StringComparison.Ordinal))
            {
                _sent.TrySetResult();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
