using System.ClientModel.Primitives;
using Bytez.AI.Resilience;

namespace Bytez.AI.OpenAICompatible;

/// <summary>
/// The OpenAI SDK's HTTP transport, sending through the <see cref="BytezClient"/>'s own <see cref="HttpClient"/> so the
/// OpenAI-compatible route has the same single retry layer (<see cref="BytezRetryHandler"/>), timeout and connection pool
/// as every other Bytez call. The SDK's own retries are off (<see cref="OpenAIModelClient"/>); each request is marked the
/// way the transport marks native runs: a buffered answer may be retried, a stream only while it has not started.
/// </summary>
/// <param name="httpClient">The Bytez client's HTTP client.</param>
/// <param name="maxResponseSize">The largest body the retry handler may buffer (<see cref="BytezClientOptions.MaxResponseSize"/>).</param>
internal sealed class BytezPipelineTransport(HttpClient httpClient, long maxResponseSize) : HttpClientPipelineTransport(httpClient)
{
    /// <inheritdoc />
    protected override void OnSendingRequest(PipelineMessage message, HttpRequestMessage httpRequest) =>
        BytezRetryRequest.Mark(httpRequest, message.BufferResponse ? BytezRetryMode.Buffered : BytezRetryMode.Streamed, maxResponseSize);
}
