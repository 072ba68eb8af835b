using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Tasks;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// A chat model with a prompt-based tool format (Hermes, Llama 3, Mistral). With tools in the prompt it answers a
/// question the tools fit with calls in its format; after results it answers in prose quoting them (or makes the next
/// layer of a nested plan); otherwise it is the ordinary emulated chat model. Tool output streams in 3-7 character
/// pieces so markers are split across chunks.
/// </summary>
internal abstract class ToolChatBehavior : TextGenerationBehavior
{
    /// <summary>Gets a value indicating whether replies in a tool conversation start with a reasoning block (Qwen3).</summary>
    public bool Thinks { get; init; }

    /// <summary>Reads the format's scaffolding from the messages; null when the conversation has no tools and no calls.</summary>
    internal abstract ToolConversation? Read(IReadOnlyList<ChatTurn> messages);

    /// <summary>Writes calls in the format.</summary>
    internal abstract string WriteCalls(IReadOnlyList<(string Name, JsonObject Arguments)> calls);

    protected override string CreateChatReply(EmulatorRunRequest request, IReadOnlyList<ChatTurn> messages)
    {
        if (Read(messages) is not { } conversation)
        {
            return base.CreateChatReply(request, messages);
        }

        string reply = ToolReply(conversation, messages) ?? base.CreateChatReply(request, conversation.PlainTurns.Count > 0 ? conversation.PlainTurns : messages);
        return Thinks ? Thought(conversation) + reply : reply;
    }

    /// <summary>
    /// A Qwen3-style reasoning block: what was asked and what comes next, including a call written out that the model
    /// only considers (a client must not run it).
    /// </summary>
    private string Thought(ToolConversation conversation)
    {
        string next = conversation.EndsWithResults
            ? "I have the results; I will answer from them."
            : conversation.Tools.Count > 0
                ? $"I could try {WriteCalls([(conversation.Tools[0].Name, new JsonObject())])} with no arguments, but I will fill them in."
                : "No tool fits.";
        return $"<think>\nThe user asks: {conversation.Query.Trim()}\n{next}\n</think>\n\n";
    }

    protected override IReadOnlyList<string> StreamChunks(EmulatorRunRequest request, string prompt, string generated)
    {
        bool tools = prompt.Length == 0 && ChatInput.Find(request) is { } messages && Read(ChatInput.ParseText(messages)) is not null;
        return tools ? FineChunker.Split(generated) : base.StreamChunks(request, prompt, generated);
    }

    /// <summary>The tool-aware reply, or null for an ordinary chat reply (no tool fits the question).</summary>
    /// <remarks>After the results, a conversation that asks for JSON gets it, filled from the question and the results.</remarks>
    private string? ToolReply(ToolConversation conversation, IReadOnlyList<ChatTurn> messages) => ToolTurns.Next(conversation) switch
    {
        { Calls: { } calls } => WriteCalls(calls),
        { Answer: { } answer } => JsonReply.Answer(messages, answer, conversation.Query) ?? answer,
        _ => null,
    };

    /// <summary>Splits <c>&lt;open&gt;body&lt;close&gt;</c> blocks out of <paramref name="text"/> (an unclosed last block runs to the end).</summary>
    internal static List<string> Blocks(string text, string open, string close)
    {
        var blocks = new List<string>();
        int at = 0;
        while ((at = text.IndexOf(open, at, StringComparison.Ordinal)) >= 0)
        {
            int start = at + open.Length;
            int end = text.IndexOf(close, start, StringComparison.Ordinal);
            blocks.Add(text[start..(end < 0 ? text.Length : end)]);
            at = end < 0 ? text.Length : end + close.Length;
        }

        return blocks;
    }

    /// <summary>The calls in <paramref name="text"/>: every JSON object naming a function with arguments or parameters.</summary>
    internal static List<RecordedCall> JsonCalls(string text) =>
        [.. JsonSpans.Objects(text).Where(static o => o.Value["arguments"] is not null || o.Value["parameters"] is not null)
            .Select(static o => RecordedCall.FromJson(o.Value)).OfType<RecordedCall>()];
}
