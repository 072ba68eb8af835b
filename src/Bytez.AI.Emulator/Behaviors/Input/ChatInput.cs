using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Input;

/// <summary>Parses a chat message array (<c>[{role, content}, ...]</c>).</summary>
internal static class ChatInput
{
    /// <summary>The messages node: the array <c>input</c>, or a v2-style <c>messages</c> member; null when neither is present.</summary>
    public static JsonArray? Find(EmulatorRunRequest request) =>
        request.Input as JsonArray ?? (request.Input is null or JsonObject ? RequestReader.Member(request, "messages") as JsonArray : null);

    /// <summary>Text-only chat: every message needs a string <c>role</c> and a string <c>content</c>.</summary>
    public static List<ChatTurn> ParseText(JsonArray messages)
    {
        var turns = new List<ChatTurn>(messages.Count);
        if (messages.Count == 0)
        {
            throw new EmulatorInputException("The input messages array is empty; send at least one {\"role\", \"content\"} message.");
        }

        for (int i = 0; i < messages.Count; i++)
        {
            JsonObject message = AsMessage(messages[i], i);
            string role = Role(message, i);
            string content = (message["content"] is { } c ? RequestReader.AsString(c) : null)
                ?? throw new EmulatorInputException($"input[{i}].content must be a string; this model takes text-only messages [{{\"role\", \"content\"}}].");
            turns.Add(new ChatTurn(role, content));
        }

        return turns;
    }

    /// <summary>Multimodal chat: content is a string or an array of <c>text</c>/<c>image</c>/<c>audio</c>/<c>video</c> blocks.</summary>
    public static List<ChatTurn> ParseMultimodal(JsonArray messages, List<(string Kind, MediaInput Media)> media)
    {
        if (messages.Count == 0)
        {
            throw new EmulatorInputException("The input messages array is empty; send at least one {\"role\", \"content\"} message.");
        }

        var turns = new List<ChatTurn>(messages.Count);
        for (int i = 0; i < messages.Count; i++)
        {
            JsonObject message = AsMessage(messages[i], i);
            string role = Role(message, i);
            JsonNode? content = message["content"];
            if (content is JsonArray blocks)
            {
                turns.Add(new ChatTurn(role, ParseBlocks(blocks, i, media)));
            }
            else if (content is not null && RequestReader.AsString(content) is { } text)
            {
                turns.Add(new ChatTurn(role, text));
            }
            else
            {
                throw new EmulatorInputException($"input[{i}].content must be a string or an array of content blocks.");
            }
        }

        return turns;
    }

    /// <summary>The number of whitespace-separated words in all messages, a stand-in for the prompt's token count.</summary>
    public static int WordCount(IEnumerable<ChatTurn> turns) => turns.Sum(t => WordTokenizer.SplitWhitespace(t.Content).Length);

    private static string ParseBlocks(JsonArray blocks, int index, List<(string Kind, MediaInput Media)> media)
    {
        var text = new StringBuilder();
        for (int b = 0; b < blocks.Count; b++)
        {
            if (blocks[b] is not JsonObject block || block["type"] is not { } typeNode || RequestReader.AsString(typeNode) is not { } type)
            {
                throw new EmulatorInputException($"input[{index}].content[{b}] must be an object with a string 'type'.");
            }

            switch (type)
            {
                case "text":
                    string value = (block["text"] is { } t ? RequestReader.AsString(t) : null)
                        ?? throw new EmulatorInputException($"input[{index}].content[{b}] is a text block without a string 'text'.");
                    text.Append(text.Length > 0 ? " " : string.Empty).Append(value);
                    break;
                case "image" or "audio" or "video" or "image_url":
                    media.Add((type == "image_url" ? "image" : type, BlockMedia(block, type, index, b)));
                    break;
                default:
                    throw new EmulatorInputException($"input[{index}].content[{b}] has unsupported type '{type}' (expected text, image, audio or video).");
            }
        }

        return text.ToString();
    }

    private static MediaInput BlockMedia(JsonObject block, string type, int index, int b)
    {
        // Bytez blocks carry url or base64; Hugging Face style puts the URL under the type name; OpenAI under image_url.url.
        foreach (string member in (string[])["url", "base64", type, "path"])
        {
            JsonNode? node = block[member];
            if (node is JsonObject nested)
            {
                node = nested["url"];
            }

            if (node is not null && RequestReader.AsString(node) is { } value)
            {
                return MediaInput.Parse(value, $"input[{index}].content[{b}].{member}");
            }
        }

        throw new EmulatorInputException($"input[{index}].content[{b}] is a {type} block without 'url' or 'base64'.");
    }

    private static JsonObject AsMessage(JsonNode? node, int index) =>
        node as JsonObject ?? throw new EmulatorInputException($"input[{index}] must be an object with 'role' and 'content'.");

    private static string Role(JsonObject message, int index)
    {
        string? role = message["role"] is { } r ? RequestReader.AsString(r) : null;
        return string.IsNullOrWhiteSpace(role) ? throw new EmulatorInputException($"input[{index}].role must be a non-empty string.") : role;
    }
}
