using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.Serialization;

namespace Bytez.AI.Protocol.V2;

/// <summary>
/// Writes a v2 run body (wire reference §3.4): the documented explicit fields (<c>text</c>, <c>messages</c>, <c>url</c>,
/// <c>base64</c>, <c>question</c>, <c>context</c>, <c>candidate_labels</c>), then <c>params</c>, <c>stream</c> and
/// <c>json</c>. Members without a value are left out, as Bytez's SDKs do; media bytes go as a data URL.
/// </summary>
internal static class V2RunBody
{
    public static byte[] Write(BytezInput input, JsonObject? parameters, BytezRunMode mode) =>
        BytezRequestBodies.Object((input, parameters, mode), static (writer, state) =>
        {
            WriteInput(writer, state.input);
            if (state.parameters is not null)
            {
                writer.WritePropertyName("params");
                state.parameters.WriteTo(writer);
            }

            if (state.mode == BytezRunMode.TextStream)
            {
                writer.WriteBoolean("stream", true);
            }

            if (state.mode == BytezRunMode.Media)
            {
                // Media generators then answer with the raw bytes instead of a JSON link (§3.6).
                writer.WriteBoolean("json", false);
            }
        });

    private static void WriteInput(Utf8JsonWriter writer, BytezInput input)
    {
        if (input.Text is { } text)
        {
            writer.WriteString("text", text);
        }

        if (input.Messages is { } messages)
        {
            writer.WritePropertyName("messages");
            writer.WriteStartArray();
            foreach (var message in messages)
            {
                WriteMessage(writer, message);
            }

            writer.WriteEndArray();
        }

        if (input.Url is { } url)
        {
            writer.WriteString("url", url.AbsoluteUri);
        }

        if (input.Media is { } media)
        {
            writer.WriteString("base64", media.ToDataUrl());
        }

        BytezRequestBodies.WriteQuestionAndLabels(writer, input);

        if (input.Members is { } members)
        {
            BytezRequestBodies.WriteMembers(writer, members);
        }

        if (input.Value is { } value)
        {
            // The generic field Bytez's SDKs send since September 2025; the server maps it by the model's task.
            writer.WritePropertyName("input");
            BytezRequestBodies.WriteNode(writer, value);
        }
    }

    private static void WriteMessage(Utf8JsonWriter writer, BytezChatMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString("role", message.Role);
        if (message.ContentBlocks is not { } blocks)
        {
            writer.WriteString("content", message.Content);
            writer.WriteEndObject();
            return;
        }

        writer.WritePropertyName("content");
        writer.WriteStartArray();
        foreach (var block in blocks)
        {
            writer.WriteStartObject();
            writer.WriteString("type", BlockType(block.Kind));
            if (block.Text is { } text)
            {
                writer.WriteString("text", text);
            }
            else if (block.Url is { } url)
            {
                writer.WriteString("url", url.AbsoluteUri);
            }
            else
            {
                writer.WriteString("base64", block.Media!.ToDataUrl());
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string BlockType(BytezContentKind kind) => kind switch
    {
        BytezContentKind.Image => "image",
        BytezContentKind.Audio => "audio",
        BytezContentKind.Video => "video",
        _ => "text",
    };
}
