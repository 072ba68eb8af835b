using System.Text.Json;

namespace Bytez.AI;

/// <summary>The state of a model onboarding job (<c>POST model/job</c>).</summary>
public sealed record BytezJobStatus
{
    /// <summary>Gets the model id.</summary>
    public string? Model { get; init; }

    /// <summary>Gets a value indicating whether the request was accepted.</summary>
    public bool Success { get; init; }

    /// <summary>Gets the job's progress message, such as "Model is already queued" or "Model available".</summary>
    public string? Message { get; init; }

    /// <summary>Gets when the job started, if it has.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Gets when the job ended, if it has.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Gets when the job last changed.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>Gets the raw JSON body.</summary>
    public JsonElement RawRepresentation { get; init; }
}
