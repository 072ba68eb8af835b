namespace Bytez.AI;

/// <summary>Instance status values reported by <c>POST model/status</c>. Unknown values mean "still loading".</summary>
public static class BytezModelStatuses
{
    /// <summary>The instance is being provisioned.</summary>
    public const string Starting = "STARTING";

    /// <summary>The model is being loaded into memory.</summary>
    public const string Instantiating = "INSTANTIATING";

    /// <summary>Older name for the loading phase.</summary>
    public const string Deploying = "DEPLOYING";

    /// <summary>The instance is ready to run.</summary>
    public const string Running = "RUNNING";

    /// <summary>The load failed; the reason is in <see cref="BytezModelStatus.Error"/>.</summary>
    public const string Failed = "FAILED";
}
