using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>image-text-to-text</c> (and <c>audio-</c>/<c>video-text-to-text</c>): messages whose content may hold media blocks.
/// Answers in the v1 chat shape. With an image the reply describes the scene ("The image shows a cat sitting on a
/// couch."); with audio it quotes the transcript; with video it names the action; without media it chats.
/// </summary>
internal sealed class MultimodalChatBehavior : TextGenerationBehavior
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        JsonArray messages = Messages(request);
        return ChatOutput(messages, Reply(request, messages));
    }

    protected override IReadOnlyList<string>? StreamCore(EmulatorRunRequest request) =>
        TextChunker.SplitWords(Reply(request, Messages(request)));

    private static JsonArray Messages(EmulatorRunRequest request) =>
        ChatInput.Find(request) ?? throw new EmulatorInputException(
            $"Missing required input 'messages' for {request.Model.Task}: send an array of {{\"role\", \"content\"}} messages as 'input'.");

    private static string Reply(EmulatorRunRequest request, JsonArray messages)
    {
        var media = new List<(string Kind, MediaInput Media)>();
        List<ChatTurn> turns = ChatInput.ParseMultimodal(messages, media);
        string question = ChatResponder.LastUserText(turns);
        string reply = media.Count == 0 ? ChatResponder.Reply(turns) : Describe(media[^1], question);
        return LimitReply(request, reply, ChatInput.WordCount(turns));
    }

    private static string Describe((string Kind, MediaInput Media) item, string question)
    {
        switch (item.Kind)
        {
            case "audio":
                return $"The audio says: \"{SpeechRecognitionBehavior.Transcribe(item.Media)}\".";
            case "video":
                return $"The video shows someone {VideoClassificationBehavior.Labels(item.Media)[0]}.";
            default:
                // A canned answer for the Microsoft.Extensions.AI conformance scenario that shows the .NET logo.
                return question.Contains("logo", StringComparison.OrdinalIgnoreCase)
                    ? "The image shows a logo that says \".NET\"."
                    : $"The image shows {ImageScene.For(item.Media).Caption}.";
        }
    }
}
