using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Scenarios;
using Bytez.AI.Benchmarks.Server;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>
/// The chat paths the diagnostics (<see cref="ProfileLoop"/>, <see cref="PathComparison"/>) run by name: raw, the
/// protocol client and the IChatClient, over the fixed-reply server's socket or an in-memory handler (<c>-memory</c>),
/// on API v2 or v1 (<c>-v1</c>).
/// </summary>
public sealed class ChatPaths : IAsyncDisposable
{
    /// <summary>The known names.</summary>
    public static readonly string[] Names =
    [
        "raw", "protocol", "protocol-noretry", "chat",
        "raw-v1", "protocol-v1", "chat-v1",
        "raw-memory", "protocol-memory", "chat-memory",
        "raw-memory-v1", "protocol-memory-v1", "chat-memory-v1",
    ];

    private readonly FixedReplyServer _server;
    private readonly BenchClients _v2;
    private readonly BenchClients _v1;
    private readonly InMemoryChat _memoryV2;
    private readonly InMemoryChat _memoryV1;

    private ChatPaths(FixedReplyServer server, BenchClients v2, BenchClients v1)
    {
        _server = server;
        _v2 = v2;
        _v1 = v1;
        _memoryV2 = new InMemoryChat(BytezApiVersion.V2);
        _memoryV1 = new InMemoryChat(BytezApiVersion.V1);
    }

    /// <summary>Starts the fixed-reply server and the clients of both generations.</summary>
    /// <returns>The paths.</returns>
    public static async Task<ChatPaths> StartAsync()
    {
        var server = FixedBench.Start();
        var v2 = await BenchClients.CreateAsync(server.Endpoint, apiVersion: BytezApiVersion.V2).ConfigureAwait(false);
        var v1 = await BenchClients.CreateAsync(server.Endpoint, apiVersion: BytezApiVersion.V1).ConfigureAwait(false);
        return new ChatPaths(server, v2, v1);
    }

    /// <summary>Gets the call a name stands for.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>One chat call returning the reply.</returns>
    /// <exception cref="ArgumentException">The name is not known.</exception>
    public Func<Task<string>> Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool v1 = name.EndsWith("-v1", StringComparison.Ordinal);
        var clients = v1 ? _v1 : _v2;
        var memory = v1 ? _memoryV1 : _memoryV2;
        return (v1 ? name[..^3] : name) switch
        {
            "raw" => clients.RawChatAsync,
            "protocol" => clients.ProtocolChatAsync,
            "protocol-noretry" when !v1 => clients.ProtocolChatNoRetryAsync,
            "chat" => clients.ChatClientAsync,
            "raw-memory" => memory.RawAsync,
            "protocol-memory" => memory.ProtocolAsync,
            "chat-memory" => memory.ChatClientAsync,
            _ => throw new ArgumentException($"Unknown path '{name}'; one of {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _memoryV1.DisposeAsync().ConfigureAwait(false);
        await _memoryV2.DisposeAsync().ConfigureAwait(false);
        await _v1.DisposeAsync().ConfigureAwait(false);
        await _v2.DisposeAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
    }
}
