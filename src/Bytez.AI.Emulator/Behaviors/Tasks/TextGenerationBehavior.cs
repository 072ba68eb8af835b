using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;
using Bytez.AI.Emulator.Behaviors.Tools;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>text-generation</c> (and v2 <c>chat</c>). A string input is completed: <c>[{"generated_text": prompt + continuation}]</c>
/// with the prompt echoed and <see cref="GenerationLimits.NewTokens"/> deterministic words appended. A message array
/// gets a chat reply: <c>[{"generated_text": [...messages, {"role": "assistant", "content": reply}]}]</c>.
/// Stop sequences (<c>stop</c>, <c>stop_sequences</c>) cut the generated part before the first match.
/// </summary>
/// <remarks>
/// Tool-calling behaviours derive from this class and override <see cref="CreateContinuation"/> (raw prompts, such as
/// NexusRaven's) or <see cref="CreateChatReply"/> (chat templates); <see cref="TaskBehaviors.For"/> picks them by
/// <see cref="EmulatedModel.ToolFormat"/>.
/// </remarks>
internal class TextGenerationBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        if (ChatInput.Find(request) is { } messages)
        {
            string reply = Reply(request, messages);
            return ChatOutput(messages, reply);
        }

        string prompt = RequestReader.Text(request, request.Model.Task);
        return Output(new JsonArray(new JsonObject { ["generated_text"] = prompt + Continuation(request, prompt) }));
    }

    /// <summary>Word chunks with their leading spaces: the prompt then the continuation (v1 echoes the prompt), or the chat reply only.</summary>
    protected override IReadOnlyList<string>? StreamCore(EmulatorRunRequest request)
    {
        if (ChatInput.Find(request) is { } messages)
        {
            return StreamChunks(request, string.Empty, Reply(request, messages));
        }

        string prompt = RequestReader.Text(request, request.Model.Task);
        return StreamChunks(request, prompt, Continuation(request, prompt));
    }

    /// <summary>
    /// The stream chunks for an echoed <paramref name="prompt"/> (empty for chat) followed by the <paramref name="generated"/>
    /// text, limits and stops already applied; word chunks by default. Their concatenation must be <c>prompt + generated</c>.
    /// </summary>
    protected virtual IReadOnlyList<string> StreamChunks(EmulatorRunRequest request, string prompt, string generated) =>
        TextChunker.SplitWords(prompt + generated);

    /// <summary>The text appended to <paramref name="prompt"/>, with its separating space; limits and stops are applied afterwards.</summary>
    protected virtual string CreateContinuation(EmulatorRunRequest request, string prompt, int newTokens)
    {
        ulong seed = StableHash.Combine(StableHash.Fnv1a(prompt), StableHash.Fnv1a(request.Model.ModelId));
        string words = string.Join(' ', WordGenerator.Continue(prompt, seed, newTokens));
        return words.Length == 0 || prompt.Length == 0 || char.IsWhiteSpace(prompt[^1]) ? words : " " + words;
    }

    /// <summary>
    /// The assistant's reply to <paramref name="messages"/>, as JSON when they ask for it (<see cref="JsonReply"/>);
    /// limits and stops are applied afterwards.
    /// </summary>
    protected virtual string CreateChatReply(EmulatorRunRequest request, IReadOnlyList<ChatTurn> messages)
    {
        string prose = ChatResponder.Reply(messages);
        return JsonReply.Answer(messages, prose) ?? prose;
    }

    /// <summary>The v1 chat body: the input messages followed by the assistant's reply.</summary>
    protected static JsonObject ChatOutput(JsonArray messages, string reply)
    {
        var conversation = (JsonArray)messages.DeepClone();
        conversation.Add((JsonNode)new JsonObject { ["role"] = "assistant", ["content"] = reply });
        return Output(new JsonArray(new JsonObject { ["generated_text"] = conversation }));
    }

    private string Continuation(EmulatorRunRequest request, string prompt)
    {
        int newTokens = GenerationLimits.NewTokens(request.Parameters, WordTokenizer.SplitWhitespace(prompt).Length);
        string continuation = CreateContinuation(request, prompt, newTokens);
        return RequestReader.ApplyStops(continuation, RequestReader.StopSequences(request.Parameters));
    }

    private string Reply(EmulatorRunRequest request, JsonArray messages)
    {
        List<ChatTurn> turns = ChatInput.ParseText(messages);
        string reply = CreateChatReply(request, turns);
        return LimitReply(request, reply, ChatInput.WordCount(turns));
    }

    protected static string LimitReply(EmulatorRunRequest request, string reply, int promptWords)
    {
        reply = RequestReader.ApplyStops(reply, RequestReader.StopSequences(request.Parameters));
        return GenerationLimits.ReplyLimit(request.Parameters, promptWords) is int limit ? WordTokenizer.TruncateWords(reply, limit) : reply;
    }
}
