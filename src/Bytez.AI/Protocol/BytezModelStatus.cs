using System.Text.Json;

namespace Bytez.AI;

/// <summary>The state of a model's instance, from <c>POST model/status</c> or <c>GET model/instances</c>.</summary>
public sealed record BytezModelStatus
{
    /// <summary>Gets the model id.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the status, one of <see cref="BytezModelStatuses"/> or another server value; null when absent.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the number of parallel inferences the instance serves.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Gets the number of inferences run so far.</summary>
    public long? Inferences { get; init; }

    /// <summary>Gets the idle time in seconds before the instance shuts itself down.</summary>
    public int? ExpirationPeriodSeconds { get; init; }

    /// <summary>Gets when the instance expires if it stays idle.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets when the instance was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Gets when the instance last changed.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>Gets the failure reason when <see cref="Status"/> is <see cref="BytezModelStatuses.Failed"/>, or a server error message.</summary>
    public string? Error { get; init; }

    /// <summary>Gets a value indicating whether the instance is ready to run.</summary>
    public bool IsRunning => string.Equals(Status, BytezModelStatuses.Running, StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the raw JSON body.</summary>
    public JsonElement RawRepresentation { get; init; }
}
