using System.Collections.Concurrent;
using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Server;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Benchmarks.Sweeps;

/// <summary>
/// The inputs and canned answers of the size sweeps, per size in KB, and the models that serve them on the
/// fixed-reply server. Every text is ASCII, so a size in characters is also the size in bytes.
/// </summary>
public static class SweepInputs
{
    /// <summary>The model whose answer is a short fixed chat reply, whatever is sent.</summary>
    public const string ChatModel = "sweep/chat-instruct";

    /// <summary>The model whose answer is a short fixed stream, whatever is sent.</summary>
    public const string StreamModel = "sweep/stream-instruct";

    /// <summary>The short reply of <see cref="ChatModel"/> and <see cref="StreamModel"/>.</summary>
    public const string ShortReply = "Done.";

    /// <summary>The characters of one history message.</summary>
    public const int HistoryMessageChars = 64;

    /// <summary>The characters of one streamed chunk (one HTTP chunk, so one network read at the client at most).</summary>
    public const int StreamChunkChars = 64;

    /// <summary>The name of the tool the tool-call sweep calls.</summary>
    public const string ToolName = "record_text";

    private static readonly ConcurrentDictionary<(string Kind, int Kb), object> Cache = new();

    /// <summary>Gets the model answering the echoed history of one size.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The model id.</returns>
    public static string HistoryModel(int kb) => $"sweep/history-{kb}k-instruct";

    /// <summary>Gets the model answering a reply of one size.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The model id.</returns>
    public static string ReplyModel(int kb) => $"sweep/reply-{kb}k-instruct";

    /// <summary>Gets the model streaming a reply of one size.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The model id.</returns>
    public static string StreamReplyModel(int kb) => $"sweep/stream-{kb}k-instruct";

    /// <summary>Gets the model answering a Hermes tool call with an argument of one size.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The model id.</returns>
    public static string ToolModel(int kb) => $"sweep/tool-{kb}k-instruct";

    /// <summary>Gets the model streaming a Hermes tool call with an argument of one size.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The model id.</returns>
    public static string ToolStreamModel(int kb) => $"sweep/toolstream-{kb}k-instruct";

    /// <summary>Gets a user prompt of <paramref name="kb"/> KB.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The prompt.</returns>
    public static string Prompt(int kb) => Cached("prompt", kb, () => BenchText.Of(kb * 1024, seed: 1));

    /// <summary>Gets a conversation of <paramref name="kb"/> KB of text: <c>kb × 16</c> messages of 64 characters, user and assistant in turn.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The messages.</returns>
    public static IReadOnlyList<(string Role, string Content)> History(int kb) => Cached("history", kb, () =>
        (IReadOnlyList<(string, string)>)[.. Enumerable.Range(0, kb * 1024 / HistoryMessageChars).Select(i => (i % 2 == 0 ? "user" : "assistant", BenchText.Of(HistoryMessageChars, seed: i)))]);

    /// <summary>Gets <see cref="History"/> as M.E.AI messages.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The messages.</returns>
    public static IReadOnlyList<ChatMessage> ChatHistory(int kb) => Cached("chat-history", kb, () =>
        (IReadOnlyList<ChatMessage>)[.. History(kb).Select(m => new ChatMessage(new ChatRole(m.Role), m.Content))]);

    /// <summary>Gets <see cref="History"/> as protocol messages.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The messages.</returns>
    public static IReadOnlyList<BytezChatMessage> ProtocolHistory(int kb) => Cached("protocol-history", kb, () =>
        (IReadOnlyList<BytezChatMessage>)[.. History(kb).Select(m => new BytezChatMessage(m.Role, m.Content))]);

    /// <summary>Gets a history of <paramref name="kb"/> KB where every message is the user's (consecutive same-role messages).</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The messages.</returns>
    public static IReadOnlyList<ChatMessage> UserOnlyHistory(int kb) => Cached("user-history", kb, () =>
        (IReadOnlyList<ChatMessage>)[.. History(kb).Select(m => new ChatMessage(ChatRole.User, m.Content))]);

    /// <summary>Gets the reply text of <paramref name="kb"/> KB.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The text.</returns>
    public static string ReplyText(int kb) => Cached("reply", kb, () => BenchText.Of(kb * 1024, seed: 2));

    /// <summary>Gets the tool call's <c>text</c> argument of <paramref name="kb"/> KB.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>The argument.</returns>
    public static string ToolArgument(int kb) => Cached("tool-argument", kb, () => BenchText.Of(kb * 1024, seed: 3));

    /// <summary>Gets the model's text for the tool call: one Hermes <c>&lt;tool_call&gt;</c> block.</summary>
    /// <param name="kb">The size of the argument.</param>
    /// <returns>The text.</returns>
    public static string ToolCallText(int kb) => Cached("tool-call", kb, () =>
        $"<tool_call>\n{{\"name\": \"{ToolName}\", \"arguments\": {{\"text\": \"{ToolArgument(kb)}\"}}}}\n</tool_call>");

    /// <summary>Gets the signature every path of the tool-call sweep must return: the tool name and the argument.</summary>
    /// <param name="kb">The size of the argument.</param>
    /// <returns>The signature.</returns>
    public static string ToolSignature(int kb) => Signature(ToolName, ToolArgument(kb));

    /// <summary>Formats a tool call's signature.</summary>
    /// <param name="name">The tool name.</param>
    /// <param name="text">The <c>text</c> argument.</param>
    /// <returns>The signature.</returns>
    public static string Signature(string name, string? text) => name + "|" + text;

    /// <summary>Registers every sweep model on the server, for the given sizes.</summary>
    /// <param name="server">The fixed-reply server.</param>
    /// <param name="sizes">The sizes in KB.</param>
    public static void Register(FixedReplyServer server, IEnumerable<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(sizes);
        server.Set("model/run", ChatModel, CannedReply.Json(BenchReplies.Chat([("user", "(prompt)"), ("assistant", ShortReply)])));
        server.Set("model/run", StreamModel, CannedReply.Stream(["Do", "ne."]));
        foreach (var kb in sizes)
        {
            server.Set("model/run", HistoryModel(kb), CannedReply.Json(BenchReplies.Chat([.. History(kb), ("assistant", ShortReply)])));
            server.Set("model/run", ReplyModel(kb), CannedReply.Json(BenchReplies.Chat([("user", "Tell me something."), ("assistant", ReplyText(kb))])));
            server.Set("model/run", StreamReplyModel(kb), CannedReply.Stream(BenchText.Pieces(ReplyText(kb), StreamChunkChars)));
            server.Set("model/run", ToolModel(kb), CannedReply.Json(BenchReplies.Chat([("user", "Record this."), ("assistant", ToolCallText(kb))])));
            server.Set("model/run", ToolStreamModel(kb), CannedReply.Stream(BenchText.Pieces(ToolCallText(kb), StreamChunkChars)));
        }
    }

    /// <summary>Starts a fixed-reply server with the lifecycle answers and every sweep model.</summary>
    /// <param name="sizes">The sizes in KB.</param>
    /// <returns>The server.</returns>
    public static FixedReplyServer StartServer(IEnumerable<int> sizes)
    {
        var server = FixedReplyServer.Start();
        FixedBench.AddLifecycle(server, [(ChatModel, "text-generation")]);
        Register(server, sizes);
        return server;
    }

    private static T Cached<T>(string kind, int kb, Func<T> create)
        where T : class => (T)Cache.GetOrAdd((kind, kb), _ => create());
}
