using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.Emulator.Logging;
using Bytez.AI.Emulator.Scripting;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.Emulator.Lifecycle;

/// <summary>Everything the emulator knows: the catalog, the instances, the jobs and the scripts. One lock guards it.</summary>
internal sealed class EmulatorState
{
    private readonly Lock _sync = new();
    private readonly List<EmulatedModel> _models = [];
    private readonly Dictionary<string, ModelInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JobRecord> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModelScript> _scripts = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _started;
    private readonly Dictionary<string, ITaskBehavior> _behaviorsByModel;
    private readonly Dictionary<string, ITaskBehavior> _behaviorsByTask;

    public EmulatorState(BytezEmulatorOptions options, BytezEmulatorRequestLog log, ILogger logger)
    {
        Options = options;
        Log = log;
        Logger = logger;
        Time = options.TimeProvider;
        _started = Time.GetUtcNow();
        _behaviorsByModel = new(options.BehaviorsByModel, StringComparer.Ordinal);
        _behaviorsByTask = new(options.BehaviorsByTask, StringComparer.Ordinal);
        foreach (var model in options.Models)
        {
            AddModel(model);
        }
    }

    public BytezEmulatorOptions Options { get; }

    public BytezEmulatorRequestLog Log { get; }

    public ILogger Logger { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public ModelScript Script(string modelId) => _scripts.GetOrAdd(modelId, id => new ModelScript(id));

    public ModelScript? ExistingScript(string modelId) => _scripts.GetValueOrDefault(modelId);

    /// <summary>The user's behaviour for the model, else for its task, else the built-in one.</summary>
    public ITaskBehavior BehaviorFor(EmulatedModel model) =>
        _behaviorsByModel.GetValueOrDefault(model.ModelId) ?? _behaviorsByTask.GetValueOrDefault(model.Task) ?? Options.BehaviorResolver(model);

    public void AddModel(EmulatedModel model)
    {
        lock (_sync)
        {
            var index = _models.FindIndex(m => string.Equals(m.ModelId, model.ModelId, StringComparison.Ordinal));
            if (index >= 0)
            {
                _models[index] = model;
            }
            else
            {
                _models.Add(model);
            }
        }
    }

    public EmulatedModel? FindModel(string? modelId)
    {
        if (string.IsNullOrEmpty(modelId))
        {
            return null;
        }

        lock (_sync)
        {
            return _models.Find(m => string.Equals(m.ModelId, modelId, StringComparison.Ordinal))
                ?? _models.Find(m => string.Equals(m.ModelId, modelId, StringComparison.OrdinalIgnoreCase));
        }
    }

    public IReadOnlyList<EmulatedModel> Models()
    {
        lock (_sync)
        {
            return [.. _models];
        }
    }

    /// <summary>Stops every instance whose idle timeout has passed.</summary>
    public void Sweep()
    {
        var now = Now;
        List<ModelInstance> expired;
        lock (_sync)
        {
            expired = [.. _instances.Values.Where(i => i.IsExpired(now))];
            foreach (var instance in expired)
            {
                _instances.Remove(instance.ModelId);
            }
        }

        foreach (var instance in expired)
        {
            Stopped(instance.ModelId, "expired");
        }
    }

    public (LoadOutcome Outcome, ModelInstance Instance) Load(string modelId, int concurrency, TimeSpan idleTimeout, Func<ScriptStep?>? takeStartFault)
    {
        Sweep();
        var now = Now;
        ModelInstance instance;
        lock (_sync)
        {
            if (_instances.TryGetValue(modelId, out var existing))
            {
                var status = existing.StatusAt(now);
                if (status == InstanceStatus.Running)
                {
                    return (LoadOutcome.AlreadyLoaded, existing);
                }

                if (status != InstanceStatus.Failed)
                {
                    return (LoadOutcome.InProgress, existing);
                }

                // A FAILED instance is replaced by a fresh attempt.
                _instances.Remove(modelId);
            }

            var loadFault = takeStartFault?.Invoke();
            instance = new ModelInstance(
                modelId,
                concurrency,
                idleTimeout,
                now,
                Options.StartingDelay,
                Options.InstantiatingDelay,
                loadFault?.Fault == EmulatorFault.LoadFailed ? loadFault.LoadError : null,
                loadFault?.Fault == EmulatorFault.NeverRunning);
            _instances[modelId] = instance;
        }

        Log.InstanceStarted();
        EmulatorLog.InstanceStarted(Logger, modelId, concurrency, idleTimeout);
        return (LoadOutcome.Started, instance);
    }

    public ModelInstance? Instance(string modelId)
    {
        Sweep();
        lock (_sync)
        {
            return _instances.GetValueOrDefault(modelId);
        }
    }

    public bool Stop(string modelId, string reason)
    {
        lock (_sync)
        {
            if (!_instances.Remove(modelId))
            {
                return false;
            }
        }

        Stopped(modelId, reason);
        return true;
    }

    public void StopAll(string reason)
    {
        List<string> ids;
        lock (_sync)
        {
            ids = [.. _instances.Keys];
            _instances.Clear();
        }

        foreach (var id in ids)
        {
            Stopped(id, reason);
        }
    }

    public IReadOnlyList<(ModelInstance Instance, DateTimeOffset Now)> Instances()
    {
        Sweep();
        var now = Now;
        lock (_sync)
        {
            return [.. _instances.Values.OrderBy(i => i.Created).Select(i => (i, now))];
        }
    }

    /// <summary>Marks a run's start on an instance (resets its idle timer and counts the inference).</summary>
    public void RunStarted(ModelInstance instance)
    {
        lock (_sync)
        {
            instance.ActiveRuns++;
            instance.Inferences++;
            instance.LastActivity = Now;
        }
    }

    /// <summary>Marks a run's end on an instance (the idle timer starts again from now).</summary>
    public void RunEnded(ModelInstance instance)
    {
        lock (_sync)
        {
            instance.ActiveRuns--;
            instance.LastActivity = Now;
        }
    }

    public JsonObject Job(string modelId)
    {
        var now = Now;
        JobRecord? job;
        bool first = false;
        var known = FindModel(modelId) is not null;
        lock (_sync)
        {
            if (!_jobs.TryGetValue(modelId, out job) && !known)
            {
                var half = Options.JobDelay / 2;
                job = new JobRecord(modelId, now, now + half, now + Options.JobDelay);
                _jobs[modelId] = job;
                first = true;
            }
        }

        if (first)
        {
            return new JsonObject { ["model"] = modelId, ["success"] = true, ["modified"] = ModelInstance.Iso(now) };
        }

        if (job is null)
        {
            // Already in the catalog: onboarding finished before this emulator started.
            return Available(modelId, _started, _started);
        }

        if (now < job.EndsAt)
        {
            return new JsonObject
            {
                ["model"] = modelId,
                ["success"] = true,
                ["message"] = "Model is already queued",
                ["startTime"] = null,
                ["modified"] = ModelInstance.Iso(job.Queued),
            };
        }

        if (!known)
        {
            // The emulated onboarding made the model servable; its task is unknown, so it is served as text generation.
            AddModel(new EmulatedModel(modelId, "text-generation"));
        }

        return Available(modelId, job.StartsAt, job.EndsAt);
    }

    private static JsonObject Available(string modelId, DateTimeOffset start, DateTimeOffset end) => new()
    {
        ["model"] = modelId,
        ["success"] = true,
        ["message"] = "Model available",
        ["startTime"] = ModelInstance.Iso(start),
        ["endTime"] = ModelInstance.Iso(end),
        ["modified"] = ModelInstance.Iso(end),
    };

    private void Stopped(string modelId, string reason)
    {
        Log.InstanceStopped();
        EmulatorLog.InstanceStopped(Logger, modelId, reason);
    }
}
