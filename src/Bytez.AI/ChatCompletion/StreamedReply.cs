namespace Bytez.AI.ChatCompletion;

/// <summary>What a stream produced, for the finish reason of its last update (the text itself is not kept).</summary>
internal sealed class StreamedReply
{
    /// <summary>Gets the words released so far.</summary>
    public WordCounter Words { get; } = new();

    /// <summary>Gets or sets a value indicating whether a stop sequence ended the reply.</summary>
    public bool Stopped { get; set; }
}
