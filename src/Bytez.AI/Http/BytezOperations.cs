namespace Bytez.AI.Http;

/// <summary>The operation names used in error messages (<c>Bytez &lt;operation&gt; of '&lt;model&gt;' failed ...</c>).</summary>
internal static class BytezOperations
{
    public const string ListModels = "list models";
    public const string ListTasks = "list tasks";
    public const string ListInstances = "list instances";
    public const string RequestModel = "model request";
    public const string Load = "load";
    public const string Status = "status check";
    public const string Run = "run";
    public const string StreamingRun = "streaming run";
    public const string MediaRun = "media run";
    public const string StreamingMediaRun = "streaming media run";
    public const string Stop = "stop";
    public const string OpenAIChat = "OpenAI-compatible chat";
    public const string OpenAIStreamingChat = "OpenAI-compatible streaming chat";

    /// <summary>
    /// Gets how a call may be retried: reads (lists, status) and runs may; a load may not (429 there means "in
    /// progress", which the load algorithm handles), nor a stop or a model request (they change state).
    /// </summary>
    public static Resilience.BytezRetryMode RetryMode(string operation) => operation switch
    {
        ListModels or ListTasks or ListInstances or Status or Run or MediaRun or OpenAIChat => Resilience.BytezRetryMode.Buffered,
        StreamingRun or StreamingMediaRun or OpenAIStreamingChat => Resilience.BytezRetryMode.Streamed,
        _ => Resilience.BytezRetryMode.None,
    };
}
