using Microsoft.Extensions.Logging;

namespace Bytez.AI.Tests.Protocol;

/// <summary>Builds clients wired to a <see cref="RecordingHandler"/>.</summary>
internal static class TestClients
{
    public const string ApiKey = "bz-SECRET-key-0123456789";

    public static readonly Uri Endpoint = new("https://api.bytez.test/");

    public static BytezClient Create(
        HttpMessageHandler handler,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        Action<BytezClientOptions>? configure = null)
    {
        var options = new BytezClientOptions
        {
            ApiKey = ApiKey,
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
}
