namespace Bytez.AI.Emulator.Lifecycle;

/// <summary>The status strings of <c>model/status</c>.</summary>
internal static class InstanceStatus
{
    public const string Starting = "STARTING";
    public const string Instantiating = "INSTANTIATING";
    public const string Running = "RUNNING";
    public const string Failed = "FAILED";

    /// <summary>The emulator's answer for a model with no instance. Bytez's post-stop value is undocumented; clients only check "not RUNNING".</summary>
    public const string Stopped = "STOPPED";
}
