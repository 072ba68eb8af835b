using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Scenarios;
using static Bytez.AI.Benchmarks.Infrastructure.Units;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>
/// Where a chat call's cost goes (<c>-- --layers [rounds] [batch]</c>): the raw v2 call with one thing the client does
/// differently switched on at a time (its handler settings, reading headers first, its extra headers, a byte-array body,
/// reading the body in a loop under a linked timeout, a JSON DOM), interleaved with the protocol client (retries on and
/// off, a caller-supplied HttpClient with no timeout, a cancellable token) and the IChatClient (input mode resolved or
/// configured), then the same in memory. A diagnostic for contributors, not part of the report; the table is printed
/// as measured.
/// </summary>
public static class LayerExperiment
{
    /// <summary>Runs the comparison and prints two tables.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="rounds">Measured rounds.</param>
    /// <param name="batch">Calls per path per round (20 times as many in memory).</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output, int rounds, int batch)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var server = FixedBench.Start();
        await using var clients = await BenchClients.CreateAsync(server.Endpoint, apiVersion: BytezApiVersion.V2).ConfigureAwait(false);
        var endpoint = server.Endpoint;
        using var plain = new HttpClient(new SocketsHttpHandler());
        using var configured = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(100) };
        var uri = new Uri(endpoint, "models/v2/" + BenchEmulator.ChatModel);
        using var userClient = new BytezClient(new BytezClientOptions { Endpoint = endpoint, ApiKey = BenchEmulator.ApiKey, HttpClient = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan } });
        var userModel = userClient.GetModel(BenchEmulator.ChatModel);
        using var messagesChat = Microsoft.Extensions.AI.BytezModelExtensions.AsIChatClient(clients.ChatModel, new BytezChatClientOptions { InputMode = BytezChatInputMode.Messages });
        using var live = new CancellationTokenSource();
        var auth = new AuthenticationHeaderValue("Key", BenchEmulator.ApiKey);
        var json = new MediaTypeHeaderValue("application/json");

        async Task<string> Raw(HttpClient http, bool headersRead, bool extraHeaders, bool byteArray, bool streamLoop = false, bool dom = false, bool linkedTimeout = false)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("messages");
                writer.WriteStartObject();
                writer.WriteString("role", "user");
                writer.WriteString("content", "Tell me something.");
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            HttpContent content = byteArray ? new ByteArrayContent(buffer.WrittenSpan.ToArray()) : new ReadOnlyMemoryContent(buffer.WrittenMemory);
            content.Headers.ContentType = json;
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
            request.Headers.Authorization = auth;
            if (extraHeaders)
            {
                request.Headers.TryAddWithoutValidation("User-Agent", "Bytez.AI/1.0.0");
                request.Headers.TryAddWithoutValidation("Accept", "application/json");
            }

            using var response = await http.SendAsync(request, headersRead ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            byte[] bytes;
            if (streamLoop)
            {
                using var cts = linkedTimeout ? CancellationTokenSource.CreateLinkedTokenSource(default(CancellationToken)) : null;
                cts?.CancelAfter(TimeSpan.FromSeconds(100));
                var token = cts?.Token ?? default;
                var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var body = new byte[(int)response.Content.Headers.ContentLength!.Value + 1];
                    var count = 0;
                    int read;
                    while ((read = await stream.ReadAsync(body.AsMemory(count), token).ConfigureAwait(false)) > 0)
                    {
                        count += read;
                    }

                    bytes = body.AsSpan(0, count).ToArray();
                }
            }
            else
            {
                bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }

            if (dom)
            {
                var element = JsonSerializer.Deserialize<JsonElement>(bytes);
                return element.GetProperty("output").GetProperty("content").GetString()!;
            }

            var reader = new Utf8JsonReader(bytes);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("content"u8))
                {
                    reader.Read();
                    return reader.GetString()!;
                }
            }

            throw new InvalidDataException();
        }

        InterleavedPath[] paths =
        [
            new("raw (RawBytez v2)", clients.RawChatAsync),
            new("raw plain", () => Raw(plain, false, false, false)),
            new("raw, client's handler config", () => Raw(configured, false, false, false)),
            new("raw, headers-read", () => Raw(plain, true, false, false)),
            new("raw, +UA +Accept", () => Raw(plain, false, true, false)),
            new("raw, ByteArrayContent", () => Raw(plain, false, false, true)),
            new("raw, all four", () => Raw(configured, true, true, true)),
            new("raw, headers-read + stream loop", () => Raw(plain, true, false, false, streamLoop: true)),
            new("raw, stream loop + linked timeout", () => Raw(plain, true, false, false, streamLoop: true, linkedTimeout: true)),
            new("raw, DOM", () => Raw(plain, false, false, false, dom: true)),
            new("protocol, user HttpClient (no timeout)", () => BenchClients.ProtocolChatAsync(userModel)),
            new("protocol, retries off", clients.ProtocolChatNoRetryAsync),
            new("protocol", clients.ProtocolChatAsync),
            new("IChatClient", clients.ChatClientAsync),
            new("IChatClient, Messages mode", async () => { _ = (await messagesChat.GetResponseAsync([new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User, "Tell me something.")]).ConfigureAwait(false)).Text; }),
            new("protocol, cancelable token", async () => { _ = (await clients.ChatModel.RunAsync(BytezInput.FromMessages([new BytezChatMessage("user", "Tell me something.")]), null, live.Token).ConfigureAwait(false)).GetAssistantMessage().Content; }),
        ];
        var results = await Interleaved.RunAsync(paths, rounds, batch, 3, TimeSpan.FromSeconds(1.5)).ConfigureAwait(false);
        Print(output, results);
        await using var memory = new InMemoryChat();
        InterleavedPath[] memoryPaths =
        [
            new("memory raw", memory.RawAsync),
            new("memory protocol", memory.ProtocolAsync),
            new("memory protocol, no retry handler", memory.ProtocolWithoutRetriesAsync),
            new("memory IChatClient", memory.ChatClientAsync),
        ];
        Print(output, await Interleaved.RunAsync(memoryPaths, rounds, batch * 20, 3, TimeSpan.FromSeconds(1.5)).ConfigureAwait(false));
    }

    private static void Print(TextWriter output, IReadOnlyList<InterleavedResult> results)
    {
        output.WriteLine("| Path | Time | Ratio | CPU | CPU ratio | Bytes |");
        foreach (var r in results)
        {
            output.WriteLine(Invariant($"| {r.Name} | {Time(r.MedianMicros / 1e6)} | {Ratio(r.MedianRatio)} | {Time(r.MedianCpuMicros / 1e6)} | {Ratio(r.MedianCpuRatio)} | {Bytes(r.MedianBytes)} |"));
        }
    }
}
