using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.Emulator.Server;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.Emulator;

/// <summary>Settings for a <see cref="BytezEmulator"/>.</summary>
public sealed class BytezEmulatorOptions
{
    /// <summary>Gets or sets the TCP port to listen on; 0 (the default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets the address to listen on (an IP address or <c>localhost</c>); default <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// Gets or sets the API generations served; default <see cref="BytezEmulatorApi.Both"/>. A single generation makes
    /// the other's paths answer 404, so a test proves a client speaks that generation alone.
    /// </summary>
    public BytezEmulatorApi Api { get; set; } = BytezEmulatorApi.Both;

    /// <summary>Gets or sets the API keys the emulator accepts; null (the default) accepts any non-empty key.</summary>
    public ICollection<string>? AcceptedApiKeys { get; set; }

    /// <summary>Gets or sets how long a loaded instance reports <c>STARTING</c>; default 300 ms.</summary>
    public TimeSpan StartingDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Gets or sets how long a loaded instance then reports <c>INSTANTIATING</c> before <c>RUNNING</c>; default 300 ms.</summary>
    public TimeSpan InstantiatingDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Gets or sets the idle timeout used when a load request omits <c>expirationPeriodSeconds</c>; default 1800 s, as Bytez.</summary>
    public TimeSpan DefaultIdleTimeout { get; set; } = TimeSpan.FromSeconds(1800);

    /// <summary>Gets or sets the pause between two streamed chunks; default none.</summary>
    public TimeSpan StreamChunkDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets how long a <c>model/job</c> stays "already queued" before it reports "Model available"; default 500 ms.</summary>
    public TimeSpan JobDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets how often expired instances are swept even when no request arrives; default 1 s.</summary>
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the delay of the <see cref="EmulatorFault.SlowFirstByte"/> fault; default 2 s.</summary>
    public TimeSpan SlowFirstByteDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the <c>Retry-After</c> value (whole seconds) sent by the <see cref="EmulatorFault.RateLimited"/> and <see cref="EmulatorFault.ServiceUnavailable"/> faults; default 1 s.</summary>
    public TimeSpan FaultRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the model catalog the emulator serves.</summary>
    public IList<EmulatedModel> Models { get; set; } = [.. EmulatorDefaults.Models];

    /// <summary>
    /// Gets behaviours that replace the built-in one for every model of a task, by Bytez task name (for example
    /// <c>text-generation</c>, <c>chat</c>, <c>summarization</c>). Set them before <see cref="BytezEmulator.StartAsync"/>:
    /// the emulator takes a copy when it starts.
    /// </summary>
    /// <example><code>new BytezEmulatorOptions { BehaviorsByTask = { ["text-generation"] = new MyTextBehavior() } }</code></example>
    public IDictionary<string, ITaskBehavior> BehaviorsByTask { get; } = new Dictionary<string, ITaskBehavior>(StringComparer.Ordinal);

    /// <summary>
    /// Gets behaviours that replace the built-in one for a single model, by model id (for example
    /// <c>meta-llama/Llama-3.1-8B-Instruct</c>); they win over <see cref="BehaviorsByTask"/>. Set them before
    /// <see cref="BytezEmulator.StartAsync"/>: the emulator takes a copy when it starts.
    /// </summary>
    public IDictionary<string, ITaskBehavior> BehaviorsByModel { get; } = new Dictionary<string, ITaskBehavior>(StringComparer.Ordinal);

    /// <summary>Gets or sets the behaviour of a model that has no registration in <see cref="BehaviorsByModel"/> or <see cref="BehaviorsByTask"/>; the built-in ones by default (the emulator's own tests swap in fixed ones).</summary>
    internal Func<EmulatedModel, ITaskBehavior> BehaviorResolver { get; set; } = EmulatorDefaults.BehaviorResolver;

    /// <summary>Gets or sets the clock behind status progression, expiry and delays; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the logger factory for the server's own logs; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
