using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.TestSupport;

/// <summary>
/// A logger factory (and provider, for <c>LoggerFactory.Create(b =&gt; b.AddProvider(...))</c>) that keeps every log
/// call at every level, with its category, event id, structured values and exception, to assert on log lines.
/// </summary>
public sealed class CapturingLoggerFactory : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    /// <summary>Gets the entries, oldest first.</summary>
    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    /// <summary>Gets each entry as one line (<see cref="CapturedLogEntry.Line"/>).</summary>
    public IReadOnlyList<string> Lines => [.. _entries.Select(e => e.Line)];

    /// <summary>Gets all lines joined: everything that was logged, to search for what must (not) appear.</summary>
    public string AllText => string.Join('\n', Lines);

    /// <summary>Forgets the entries so far.</summary>
    public void Clear() => _entries.Clear();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(v => $"{v.Key}={v.Value}"))
                : string.Empty;
            owner._entries.Enqueue(new CapturedLogEntry(logLevel, eventId, category, formatter(state, exception), exception, values));
        }
    }
}
