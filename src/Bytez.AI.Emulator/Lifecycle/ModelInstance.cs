using System.Globalization;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Lifecycle;

/// <summary>One loaded model instance. Its status is computed from the clock, so no timer drives it.</summary>
internal sealed class ModelInstance
{
    private readonly TimeSpan _starting;
    private readonly TimeSpan _instantiating;

    public ModelInstance(string modelId, int concurrency, TimeSpan idleTimeout, DateTimeOffset now, TimeSpan starting, TimeSpan instantiating, string? failure, bool neverRuns)
    {
        ModelId = modelId;
        Concurrency = concurrency;
        IdleTimeout = idleTimeout;
        Created = now;
        LastActivity = now;
        _starting = starting;
        _instantiating = instantiating;
        Failure = failure;
        NeverRuns = neverRuns;
        Gate = new FifoGate(concurrency);
    }

    public string ModelId { get; }

    public int Concurrency { get; }

    public TimeSpan IdleTimeout { get; }

    public DateTimeOffset Created { get; }

    public DateTimeOffset LastActivity { get; set; }

    public string? Failure { get; }

    public bool NeverRuns { get; }

    public FifoGate Gate { get; }

    public int Inferences { get; set; }

    public int ActiveRuns { get; set; }

    private DateTimeOffset InstantiatingAt => Created + _starting;

    private DateTimeOffset ReadyAt => InstantiatingAt + _instantiating;

    public DateTimeOffset ExpiresAt => (LastActivity > ReadyAt ? LastActivity : ReadyAt) + IdleTimeout;

    public string StatusAt(DateTimeOffset now)
    {
        if (now < InstantiatingAt)
        {
            return InstanceStatus.Starting;
        }

        if (Failure is not null)
        {
            return InstanceStatus.Failed;
        }

        return NeverRuns || now < ReadyAt ? InstanceStatus.Instantiating : InstanceStatus.Running;
    }

    public bool IsExpired(DateTimeOffset now) => ActiveRuns == 0 && now >= ExpiresAt;

    public JsonObject ToStatusJson(DateTimeOffset now)
    {
        var status = StatusAt(now);
        var modified = status switch
        {
            InstanceStatus.Starting => Created,
            InstanceStatus.Running => LastActivity > ReadyAt ? LastActivity : ReadyAt,
            _ => InstantiatingAt,
        };
        var seconds = IdleTimeout.TotalSeconds;
        var json = new JsonObject
        {
            ["model"] = ModelId,
            ["status"] = status,
            ["concurrency"] = Concurrency,
            ["inferences"] = Inferences,
            ["expirationPeriodSeconds"] = Number(seconds),
            ["expirationPeriodMinutes"] = Number(seconds / 60),
            ["expiresAt"] = Iso(ExpiresAt),
            ["created"] = Iso(Created),
            ["modified"] = Iso(modified),
        };
        if (status == InstanceStatus.Failed)
        {
            json["error"] = Failure;
        }

        return json;
    }

    public EmulatedInstance ToSnapshot(DateTimeOffset now) => new(ModelId, StatusAt(now), Concurrency, Inferences, IdleTimeout, Created, ExpiresAt);

    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonValue Number(double value) => value == Math.Floor(value) && Math.Abs(value) < long.MaxValue
        ? JsonValue.Create((long)value)
        : JsonValue.Create(Math.Round(value, 3));
}
