namespace Bytez.AI.Http;

/// <summary>The operation names used in error messages (<c>Bytez &lt;operation&gt; of '&lt;model&gt;' failed ...</c>).</summary>
internal static class BytezOperations
{
    public const string ListModels = "list models";
    public const string ListInstances = "list instances";
    public const string RequestModel = "model request";
    public const string Load = "load";
    public const string Status = "status check";
    public const string Run = "run";
    public const string StreamingRun = "streaming run";
    public const string Stop = "stop";
}
