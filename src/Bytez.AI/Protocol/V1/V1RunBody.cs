using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.Serialization;

namespace Bytez.AI.Protocol.V1;

/// <summary>
/// Writes a v1 <c>model/run</c> body: <c>{"model", "stream", "params", ...input}</c> (wire reference §2.5). A single
/// value goes in <c>input</c>; an input with several members (a question with its image, labels with their text, ...)
/// is merged into the top level, as the v1 containers expect. Media is raw base64 without a <c>data:</c> prefix.
/// </summary>
internal static class V1RunBody
{
    public static byte[] Write(string modelId, BytezInput input, JsonObject? parameters, bool stream)
    {
        ThrowIfMediaInMessages(input);
        return BytezRequestBodies.Object((modelId, input, parameters, stream), static (writer, state) =>
        {
            writer.WriteString("model", state.modelId);
            writer.WriteBoolean("stream", state.stream);
            writer.WritePropertyName("params");
            if (state.parameters is null)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                state.parameters.WriteTo(writer);
            }

            WriteInput(writer, state.input);
        });
    }

    private static void WriteInput(Utf8JsonWriter writer, BytezInput input)
    {
        if (input.Messages is { } messages)
        {
            writer.WritePropertyName("input");
            writer.WriteStartArray();
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", message.Role);
                writer.WriteString("content", message.Content);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            return;
        }

        if (input.Members is { } members)
        {
            BytezRequestBodies.WriteMembers(writer, members);
            return;
        }

        if (input.Value is { } value)
        {
            writer.WritePropertyName("input");
            BytezRequestBodies.WriteNode(writer, value);
            return;
        }

        // An image, audio clip or video: a URL, or raw base64 under the member its task reads.
        var media = input.Url?.AbsoluteUri ?? input.Media?.ToBase64();
        var hasCompanions = input.Question is not null || input.CandidateLabels is not null;
        if (media is not null)
        {
            var member = input.Media?.Kind switch
            {
                BytezContentKind.Audio => "b64AudioBufferWav",
                BytezContentKind.Video => "b64VideoBufferMp4",
                _ => hasCompanions ? "image" : "input",
            };
            writer.WriteString(member, media);
        }
        else if (input.Text is { } text)
        {
            writer.WriteString(hasCompanions ? "text" : "input", text);
        }

        BytezRequestBodies.WriteQuestionAndLabels(writer, input);
    }

    private static void ThrowIfMediaInMessages(BytezInput input)
    {
        if (input.Messages is { } messages && messages.Any(m => m.HasMedia))
        {
            throw BytezProtocols.NeedsV2(
                "Images, audio and video in chat messages (content blocks for image-text-to-text, audio-text-to-text and video-text-to-text models)",
                "the v1 API takes text messages only.");
        }
    }
}
