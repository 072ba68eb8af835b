using Microsoft.Extensions.Logging;

namespace Bytez.AI.Tests.Protocol;

/// <summary>Builds clients wired to a <see cref="RecordingHandler"/>.</summary>
internal static class TestClients
{
    public const string ApiKey = "bz-SECRET-key-0123456789";

    public static readonly Uri Endpoint = new("https://api.bytez.test/");

    /// <summary>
    /// Creates a client. It speaks <see cref="BytezApiVersion.V1"/> unless <paramref name="configure"/> says otherwise:
    /// these unit tests pin the seed's v1 wire; the v2 wire has its own tests (<c>V2RequestWireTests</c>).
    /// </summary>
    public static BytezClient Create(
        HttpMessageHandler handler,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        Action<BytezClientOptions>? configure = null)
    {
        var options = new BytezClientOptions
        {
            ApiKey = ApiKey,
            ApiVersion = BytezApiVersion.V1,
            Endpoint = Endpoint,
            HttpClient = new HttpClient(handler),
            LoggerFactory = loggerFactory,
            TimeProvider = timeProvider ?? TimeProvider.System,
            LoadPollInterval = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new BytezClient(options);
    }

    /// <summary>Runs <paramref name="model"/> once with "hi" against a server that answers every request with <paramref name="respond"/>.</summary>
    public static Task<BytezRunResult> RunAnswered(string model, Func<HttpResponseMessage> respond, TimeProvider? timeProvider = null) =>
        Create(new RecordingHandler(_ => respond()), timeProvider: timeProvider).GetModel(model).RunAsync("hi");

    /// <summary>Creates a client speaking <paramref name="api"/>.</summary>
    public static BytezClient Create(BytezApiVersion api, HttpMessageHandler handler, TimeProvider? timeProvider = null) =>
        Create(handler, timeProvider: timeProvider, configure: o => o.ApiVersion = api);

    /// <summary>Creates a client speaking the v2 API.</summary>
    public static BytezClient CreateV2(HttpMessageHandler handler, Action<BytezClientOptions>? configure = null) =>
        Create(handler, configure: o =>
        {
            o.ApiVersion = BytezApiVersion.V2;
            configure?.Invoke(o);
        });
}
