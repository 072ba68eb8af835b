using Bytez.AI.ToolCalling;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// A streamed run's output becoming reply text, piece by piece (the streaming half of <see cref="BytezChatReply"/>): the
/// echoed prompt and everything from a stop sequence on are removed, and text is released as soon as it can no longer be
/// part of either. Nothing is kept: words are counted as they pass, for the finish reason.
/// </summary>
/// <remarks>
/// A synchronous filter the chat client calls as each piece arrives, rather than an async iterator of its own between the
/// protocol's stream and the caller: one layer less for every piece to pass through on its way out.
/// </remarks>
internal sealed class ReplyStream
{
    private readonly PromptEchoStripper? _echo;
    private readonly StopSequenceFilter _stop;
    private readonly WordCounter _words = new();

    /// <summary>Initializes a new instance of the <see cref="ReplyStream"/> class.</summary>
    /// <param name="request">The request the stream answers (its prompt and stop sequences).</param>
    public ReplyStream(BytezChatRequest request)
    {
        _echo = request.Prompt is null ? null : new PromptEchoStripper(request.Prompt, request.TrimLeadingWhitespace);
        _stop = new StopSequenceFilter(request.StopSequences);
    }

    /// <summary>Gets a value indicating whether a stop sequence ended the reply (nothing more is released).</summary>
    public bool Stopped => _stop.Stopped;

    /// <summary>Gets the words released so far.</summary>
    public int Words => _words.Count;

    /// <summary>Takes the next piece of the output.</summary>
    /// <param name="piece">The piece.</param>
    /// <returns>The text that can be released now; empty when everything is held back.</returns>
    public string Push(string piece) => Count(_stop.Push(_echo is null ? piece : _echo.Push(piece)));

    /// <summary>Ends the output: releases what was held back (a prompt that was not echoed after all, a partial stop sequence).</summary>
    /// <returns>The rest of the text; may be empty.</returns>
    public string Finish() => Count(_stop.Push(_echo?.Flush() ?? string.Empty) + _stop.Flush());

    private string Count(string text)
    {
        _words.Add(text);
        return text;
    }
}
