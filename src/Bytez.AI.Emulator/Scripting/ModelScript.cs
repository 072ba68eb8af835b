using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.Emulator.Scripting;

namespace Bytez.AI.Emulator;

/// <summary>
/// Scripted behaviour for one model, obtained from <see cref="BytezEmulator.Script"/>. Every call queues a step used by
/// the next matching call only; <see cref="Times"/> and <see cref="Forever"/> change how often the last queued step is used.
/// Run answers (replies, errors, run faults) share one queue, so their order is kept; delays, load-side steps and
/// handlers have their own.
/// </summary>
public sealed class ModelScript
{
    private const string CreditsMessage = "Out of free monthly credits. Wait until next month for more free credits, or upgrade to premium for immediate access";

    private readonly Lock _sync = new();
    private readonly ScriptQueue _runs = new();
    private readonly ScriptQueue _delays = new();
    private readonly ScriptQueue _firstByteDelays = new();
    private readonly Dictionary<EmulatorOperation, ScriptQueue> _operationFaults = new()
    {
        [EmulatorOperation.Load] = new(),
        [EmulatorOperation.Status] = new(),
        [EmulatorOperation.Stop] = new(),
    };

    private readonly List<Func<EmulatorRunRequest, ScriptedResponse?>> _handlers = [];
    private ScriptStep? _last;

    internal ModelScript(string modelId) => ModelId = modelId;

    /// <summary>Gets the model this script is for.</summary>
    public string ModelId { get; }

    /// <summary>Queues a reply text (chat: the assistant content; text generation: the continuation after the echoed prompt; other text tasks: their text field).</summary>
    /// <param name="text">The reply.</param>
    /// <returns>This script.</returns>
    public ModelScript Reply(string text) => AddRun(ScriptedResponse.Text(text));

    /// <summary>Queues a verbatim v1 response body.</summary>
    /// <param name="body">The body.</param>
    /// <returns>This script.</returns>
    public ModelScript ReplyJson(JsonObject body) => AddRun(ScriptedResponse.Json(body));

    /// <summary>Queues a reply streamed as these text chunks.</summary>
    /// <param name="chunks">The chunks.</param>
    /// <returns>This script.</returns>
    public ModelScript StreamChunks(params string[] chunks) => AddRun(ScriptedResponse.StreamChunks(chunks));

    /// <summary>Queues a reply streamed as these raw byte chunks (to split UTF-8 inside a character).</summary>
    /// <param name="chunks">The chunks.</param>
    /// <returns>This script.</returns>
    public ModelScript StreamBytes(params byte[][] chunks) => AddRun(ScriptedResponse.StreamBytes(chunks));

    /// <summary>Queues an HTTP error answer for the next run.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The <c>error</c> text.</param>
    /// <param name="retryAfter">An optional <c>Retry-After</c> header value.</param>
    /// <returns>This script.</returns>
    public ModelScript Fail(int statusCode, string error, string? retryAfter = null) => AddRun(ScriptedResponse.Fail(statusCode, error, retryAfter));

    /// <summary>Delays the next run's answer (after it got its concurrency slot, before the status line).</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>This script.</returns>
    public ModelScript Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return Add(_delays, new ScriptStep(delay: delay));
    }

    /// <summary>Delays the first byte of the next run's response, including its headers (a slow upstream).</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>This script.</returns>
    public ModelScript FirstByteDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return Add(_firstByteDelays, new ScriptStep(delay: delay));
    }

    /// <summary>Adds a persistent handler consulted for runs that no queued step answers; return null to fall through to the next handler or the default behaviour.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This script.</returns>
    public ModelScript Handle(Func<EmulatorRunRequest, ScriptedResponse?> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_sync)
        {
            _handlers.Add(handler);
        }

        return this;
    }

    /// <summary>Makes the next load end in status <c>FAILED</c> with this <c>error</c>.</summary>
    /// <param name="reason">The failure reason.</param>
    /// <returns>This script.</returns>
    public ModelScript LoadFails(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Add(_operationFaults[EmulatorOperation.Load], new ScriptStep(fault: EmulatorFault.LoadFailed, loadError: reason));
    }

    /// <summary>Makes the next load stay in <c>INSTANTIATING</c> forever.</summary>
    /// <returns>This script.</returns>
    public ModelScript NeverRuns() => Fault(EmulatorFault.NeverRunning);

    /// <summary>Makes the next load answer HTTP 429 with Bytez's verbatim out-of-credits message.</summary>
    /// <returns>This script.</returns>
    public ModelScript OutOfCredits() => Fault(EmulatorFault.OutOfCredits, 1, EmulatorOperation.Load);

    /// <summary>Injects a fault into the next call(s) of a kind.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many calls it hits; <see cref="int.MaxValue"/> or a negative value for all.</param>
    /// <param name="operation">The calls it hits (runs by default); load-side faults always hit loads.</param>
    /// <returns>This script.</returns>
    public ModelScript Fault(EmulatorFault fault, int times = 1, EmulatorOperation operation = EmulatorOperation.Run)
    {
        if (times == 0)
        {
            return this;
        }

        var step = new ScriptStep(fault: fault) { Remaining = times < 0 || times == int.MaxValue ? ScriptStep.Forever : times };
        if (fault is EmulatorFault.LoadFailed)
        {
            step = new ScriptStep(fault: fault, loadError: "Model failed to load: CUDA out of memory") { Remaining = step.Remaining };
        }

        var queue = fault is EmulatorFault.LoadFailed or EmulatorFault.NeverRunning || operation == EmulatorOperation.Load
            ? _operationFaults[EmulatorOperation.Load]
            : operation == EmulatorOperation.Run ? _runs : _operationFaults[operation];
        return Add(queue, step);
    }

    /// <summary>Makes the step queued last apply to this many calls.</summary>
    /// <param name="count">The number of calls (at least 1).</param>
    /// <returns>This script.</returns>
    public ModelScript Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_sync)
        {
            (_last ?? throw new InvalidOperationException("Queue a step before calling Times.")).Remaining = count;
        }

        return this;
    }

    /// <summary>Makes the step queued last apply to every later call.</summary>
    /// <returns>This script.</returns>
    public ModelScript Forever()
    {
        lock (_sync)
        {
            (_last ?? throw new InvalidOperationException("Queue a step before calling Forever.")).Remaining = ScriptStep.Forever;
        }

        return this;
    }

    /// <summary>Removes every queued step and handler.</summary>
    /// <returns>This script.</returns>
    public ModelScript Clear()
    {
        lock (_sync)
        {
            _runs.Clear();
            _delays.Clear();
            _firstByteDelays.Clear();
            foreach (var queue in _operationFaults.Values)
            {
                queue.Clear();
            }

            _handlers.Clear();
            _last = null;
        }

        return this;
    }

    /// <summary>Takes the head run step if it is an instance-expiry fault (applied before the running check).</summary>
    internal bool TakeInstanceExpiry()
    {
        lock (_sync)
        {
            if (_runs.Peek()?.Fault is EmulatorFault.InstanceExpiresBeforeRun)
            {
                _runs.Take();
                return true;
            }

            return false;
        }
    }

    /// <summary>Takes the next run step (reply, error or fault), if any.</summary>
    internal ScriptStep? TakeRun()
    {
        lock (_sync)
        {
            return _runs.Take();
        }
    }

    /// <summary>Takes the next fault for a non-run operation, if any.</summary>
    internal ScriptStep? TakeOperationFault(EmulatorOperation operation)
    {
        lock (_sync)
        {
            return _operationFaults[operation].Take();
        }
    }

    /// <summary>Looks at the next fault for a non-run operation without using it.</summary>
    internal ScriptStep? PeekOperationFault(EmulatorOperation operation)
    {
        lock (_sync)
        {
            return _operationFaults[operation].Peek();
        }
    }

    /// <summary>Takes the next answer delay and first-byte delay.</summary>
    internal (TimeSpan Delay, TimeSpan FirstByte) TakeDelays()
    {
        lock (_sync)
        {
            return (_delays.Take()?.Delay ?? TimeSpan.Zero, _firstByteDelays.Take()?.Delay ?? TimeSpan.Zero);
        }
    }

    /// <summary>Asks the handlers, in order, for an answer.</summary>
    internal ScriptedResponse? AskHandlers(EmulatorRunRequest request)
    {
        Func<EmulatorRunRequest, ScriptedResponse?>[] handlers;
        lock (_sync)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            if (handler(request) is { } response)
            {
                return response;
            }
        }

        return null;
    }

    internal static string OutOfCreditsMessage => CreditsMessage;

    private ModelScript AddRun(ScriptedResponse response) => Add(_runs, new ScriptStep(response));

    private ModelScript Add(ScriptQueue queue, ScriptStep step)
    {
        lock (_sync)
        {
            queue.Add(step);
            _last = step;
        }

        return this;
    }
}
