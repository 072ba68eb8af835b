using System.Text;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;
using static Bytez.AI.Benchmarks.Sweeps.SweepInputs;

namespace Bytez.AI.Benchmarks.Sweeps;

/// <summary>
/// The size sweeps: for each thing that can grow (prompt, echoed history, reply, tool-call argument; streamed and not)
/// the raw floor and every Bytez path, at sizes from 1 KB to 1 MB, all through public API so they measure whatever
/// implementation is behind it.
/// </summary>
public static class SizeSweeps
{
    /// <summary>The sizes of a full run, in KB.</summary>
    public static readonly IReadOnlyList<int> FullSizes = [1, 4, 16, 64, 256, 1024];

    /// <summary>Gets every sweep.</summary>
    /// <param name="c">The clients.</param>
    /// <returns>The sweeps.</returns>
    public static IReadOnlyList<SweepDefinition> All(SweepClients c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return
        [
            new("Prompt size", "One user message of N KB; a short fixed reply.", _ => ShortReply,
            [
                new("Raw HttpClient", kb => Raw(c, ChatModel, [("user", Prompt(kb))])),
                new("Protocol RunAsync", kb => Protocol(c, ChatModel, [new BytezChatMessage("user", Prompt(kb))])),
                new("Bytez IChatClient", kb => Chat(c, ChatModel, [new ChatMessage(ChatRole.User, Prompt(kb))])),
            ]),
            new("Prompt size, streamed", "One user message of N KB; a short fixed stream.", _ => ShortReply,
            [
                new("Raw HttpClient", kb => RawStream(c, StreamModel, [("user", Prompt(kb))])),
                new("Protocol RunStreamingAsync", kb => ProtocolStream(c, StreamModel, [new BytezChatMessage("user", Prompt(kb))])),
                new("Bytez IChatClient", kb => ChatStream(c, StreamModel, [new ChatMessage(ChatRole.User, Prompt(kb))])),
            ]),
            new("Echoed chat history", $"N KB of history (N × {1024 / HistoryMessageChars} messages of {HistoryMessageChars} characters) sent, and echoed back before the reply, as v1 chat models answer.", _ => ShortReply,
            [
                new("Raw HttpClient", kb => Raw(c, HistoryModel(kb), History(kb))),
                new("Protocol RunAsync", kb => Protocol(c, HistoryModel(kb), ProtocolHistory(kb))),
                new("Bytez IChatClient", kb => Chat(c, HistoryModel(kb), ChatHistory(kb))),
                new("Bytez IChatClient, tool declared, Mistral format, all messages the user's", kb => Chat(c, ChatModel, UserOnlyHistory(kb), ToolCallFormats.Mistral, SweepClients.WithTool)),
            ]),
            new("Reply size", "A reply of N KB in one JSON answer.", ReplyText,
            [
                new("Raw HttpClient", kb => Raw(c, ReplyModel(kb), [("user", "Tell me something.")])),
                new("Protocol RunAsync", kb => Protocol(c, ReplyModel(kb), [new BytezChatMessage("user", "Tell me something.")])),
                new("Bytez IChatClient", kb => Chat(c, ReplyModel(kb), [new ChatMessage(ChatRole.User, "Tell me something.")])),
                new("Bytez IChatClient, tool declared (Hermes)", kb => Chat(c, ReplyModel(kb), [new ChatMessage(ChatRole.User, "Tell me something.")], ToolCallFormats.Hermes, SweepClients.WithTool)),
            ]),
            new("Reply size, streamed", $"A reply of N KB streamed in pieces of {StreamChunkChars} characters (one per network read, as a model streams tokens).", ReplyText,
            [
                new("Raw HttpClient", kb => RawStream(c, StreamReplyModel(kb), [("user", "Tell me something.")])),
                new("Protocol RunStreamingAsync", kb => ProtocolStream(c, StreamReplyModel(kb), [new BytezChatMessage("user", "Tell me something.")])),
                new("Bytez IChatClient", kb => ChatStream(c, StreamReplyModel(kb), [new ChatMessage(ChatRole.User, "Tell me something.")])),
                new("Bytez IChatClient, MaxOutputTokens set", kb => ChatStream(c, StreamReplyModel(kb), [new ChatMessage(ChatRole.User, "Tell me something.")], null, SweepClients.WithMaxOutputTokens)),
                new("Bytez IChatClient, tool declared (Hermes)", kb => ChatStream(c, StreamReplyModel(kb), [new ChatMessage(ChatRole.User, "Tell me something.")], ToolCallFormats.Hermes, SweepClients.WithTool)),
            ]),
            new("Tool-call argument size (Hermes)", $"One <tool_call> whose \"text\" argument is N KB, in one JSON answer or streamed in pieces of {StreamChunkChars} characters.", ToolSignature,
            [
                new("Raw HttpClient (JSON answer, markers found, call parsed once)", kb => RawToolCall(c, ToolModel(kb), streamed: false)),
                new("Raw HttpClient (streamed, read whole, call parsed once)", kb => RawToolCall(c, ToolStreamModel(kb), streamed: true)),
                new("Bytez IChatClient (JSON answer)", kb => Chat(c, ToolModel(kb), [new ChatMessage(ChatRole.User, "Record this.")], ToolCallFormats.Hermes, SweepClients.WithTool)),
                new("Bytez IChatClient (streamed)", kb => ChatStream(c, ToolStreamModel(kb), [new ChatMessage(ChatRole.User, "Record this.")], ToolCallFormats.Hermes, SweepClients.WithTool)),
            ]),
        ];
    }

    private static Func<Task<string>> Raw(SweepClients c, string model, IReadOnlyList<(string, string)> messages) =>
        () => c.Raw.ChatAsync(model, messages);

    private static Func<Task<string>> RawStream(SweepClients c, string model, IReadOnlyList<(string, string)> messages) =>
        async () => (await c.Raw.StreamAsync(model, messages).ConfigureAwait(false)).Text;

    private static Func<Task<string>> RawToolCall(SweepClients c, string model, bool streamed) => async () =>
    {
        var text = streamed
            ? (await c.Raw.StreamAsync(model, [("user", "Record this.")]).ConfigureAwait(false)).Text
            : await c.Raw.ChatAsync(model, [("user", "Record this.")]).ConfigureAwait(false);
        return SweepClients.RawToolCallSignature(text);
    };

    private static Func<Task<string>> Protocol(SweepClients c, string model, IReadOnlyList<BytezChatMessage> messages)
    {
        var bytez = c.Model(model);
        var input = BytezInput.FromMessages(messages);
        return async () => (await bytez.RunAsync(input).ConfigureAwait(false)).GetAssistantMessage().Content;
    }

    private static Func<Task<string>> ProtocolStream(SweepClients c, string model, IReadOnlyList<BytezChatMessage> messages)
    {
        var bytez = c.Model(model);
        var input = BytezInput.FromMessages(messages);
        return async () =>
        {
            var text = new StringBuilder();
            await foreach (var piece in bytez.RunStreamingAsync(input).ConfigureAwait(false))
            {
                text.Append(piece);
            }

            return text.ToString();
        };
    }

    private static Func<Task<string>> Chat(SweepClients c, string model, IReadOnlyList<ChatMessage> messages, ToolCallFormat? format = null, ChatOptions? options = null)
    {
        var chat = c.Chat(model, format);
        return async () =>
        {
            var response = await chat.GetResponseAsync(messages, options).ConfigureAwait(false);
            return SweepClients.CallSignature(response.Messages.SelectMany(m => m.Contents)) ?? response.Text;
        };
    }

    private static Func<Task<string>> ChatStream(SweepClients c, string model, IReadOnlyList<ChatMessage> messages, ToolCallFormat? format = null, ChatOptions? options = null)
    {
        var chat = c.Chat(model, format);
        return () => SweepClients.ReadStreamAsync(chat.GetStreamingResponseAsync(messages, options));
    }
}
