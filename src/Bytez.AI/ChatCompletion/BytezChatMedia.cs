using Microsoft.Extensions.AI;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// Images, audio and video in chat messages: which models and which API generation take them, and how they become
/// content blocks. Checked before the run, so a call that cannot succeed sends nothing to the model.
/// </summary>
internal static class BytezChatMedia
{
    /// <summary>The example model of each multimodal chat task, for error messages.</summary>
    private const string TasksAndExamples =
        "images go to image-text-to-text models (such as google/gemma-3-4b-it), audio to audio-text-to-text models " +
        "(such as Qwen/Qwen2-Audio-7B-Instruct), video to video-text-to-text models (such as llava-hf/LLaVA-NeXT-Video-7B-hf)";

    private const string NoFileHosting = "Bytez hosts no files: send the bytes as a DataContent, or a public URL as a UriContent";

    /// <summary>Gets whether any message holds media (data, a URI or a hosted file).</summary>
    public static bool Any(IReadOnlyList<ChatMessage> messages) =>
        messages.Any(m => m.Contents.Any(IsMedia));

    /// <summary>Gets whether a content is media rather than text, a function call or a result.</summary>
    public static bool IsMedia(AIContent content) => content is DataContent or UriContent or HostedFileContent;

    /// <summary>
    /// Throws unless the media of <paramref name="messages"/> can be sent at all, without a request: the client's API
    /// generation must carry content blocks (v2), and each item must be an image, audio clip or video (bytes, or an
    /// http(s) URL).
    /// </summary>
    /// <param name="model">The model that runs the call.</param>
    /// <param name="messages">The messages.</param>
    /// <exception cref="NotSupportedException">The media cannot be sent; the message says where it can.</exception>
    public static void EnsureSendable(BytezModel model, IReadOnlyList<ChatMessage> messages)
    {
        IEnumerable<AIContent> media = messages.SelectMany(m => m.Contents).Where(IsMedia);
        if (!model.Client.Protocol.AcceptsMediaInMessages)
        {
            throw new NotSupportedException(
                $"Model '{model.ModelId}' cannot be given {Describe(media.First())}: images, audio and video in chat messages need Bytez's v2 API, " +
                $"and this client speaks {model.Client.ApiVersion}. Set BytezClientOptions.ApiVersion = BytezApiVersion.V2; there, {TasksAndExamples}.");
        }

        foreach (AIContent content in media)
        {
            _ = KindOf(content, model.ModelId);
        }
    }

    /// <summary>
    /// Throws unless the model takes this media: a model whose task is known must be the <c>*-text-to-text</c> model of
    /// each item's kind, and the conversation must go as a message list. A model whose task could not be learnt is
    /// given the media, and the server decides.
    /// </summary>
    /// <param name="model">The model that runs the call.</param>
    /// <param name="task">Its listed task, or null when unknown.</param>
    /// <param name="mode">The input mode the call uses.</param>
    /// <param name="messages">The messages (already checked by <see cref="EnsureSendable"/>).</param>
    /// <exception cref="NotSupportedException">The model cannot take the media; the message says which models can.</exception>
    public static void EnsureModelTakes(BytezModel model, string? task, BytezChatInputMode mode, IReadOnlyList<ChatMessage> messages)
    {
        foreach (AIContent content in messages.SelectMany(m => m.Contents).Where(IsMedia))
        {
            string needed = KindOf(content, model.ModelId) switch
            {
                BytezContentKind.Audio => BytezTasks.AudioTextToText,
                BytezContentKind.Video => BytezTasks.VideoTextToText,
                _ => BytezTasks.ImageTextToText,
            };

            if (task is not null && task != needed)
            {
                throw new NotSupportedException(
                    $"Model '{model.ModelId}' has task '{task}' and cannot be given {Describe(content)}: {TasksAndExamples}.");
            }
        }

        if (mode != BytezChatInputMode.Messages)
        {
            throw new NotSupportedException(
                $"Model '{model.ModelId}' is sent a prompt (BytezChatClientOptions.InputMode = {mode}), which cannot carry images, audio or video. " +
                "Use InputMode Auto or Messages with a multimodal model: " + TasksAndExamples + ".");
        }
    }

    /// <summary>Turns a media content into a content block (after <see cref="EnsureSendable"/>).</summary>
    public static BytezContentBlock ToBlock(AIContent content, string modelId) => content switch
    {
        DataContent data => BytezContentBlock.FromMedia(data.Data, data.MediaType),
        UriContent uri => BytezContentBlock.FromUrl(KindOf(uri, modelId), uri.Uri),
        _ => throw Unusable(content, modelId, NoFileHosting),
    };

    /// <summary>The kind of media a content is, from its media type; anything but an image, audio or video throws.</summary>
    private static BytezContentKind KindOf(AIContent content, string modelId)
    {
        string? mediaType = content switch
        {
            DataContent data => data.MediaType,
            UriContent uri => uri.MediaType,
            _ => null,
        };

        if (content is HostedFileContent)
        {
            throw Unusable(content, modelId, NoFileHosting);
        }

        if (content is UriContent { Uri: var url } && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            throw Unusable(content, modelId, "a URI must be a public http(s) URL Bytez can fetch; send other media as a DataContent");
        }

        return mediaType switch
        {
            _ when mediaType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true => BytezContentKind.Image,
            _ when mediaType?.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) == true => BytezContentKind.Audio,
            _ when mediaType?.StartsWith("video/", StringComparison.OrdinalIgnoreCase) == true => BytezContentKind.Video,
            _ => throw Unusable(content, modelId, "chat models take images, audio and video only"),
        };
    }

    private static NotSupportedException Unusable(AIContent content, string modelId, string why) =>
        new($"Model '{modelId}' cannot be given {Describe(content)}: {why}.");

    private static string Describe(AIContent content) => content switch
    {
        DataContent data => $"a DataContent ({data.MediaType})",
        UriContent uri => $"a UriContent ({uri.MediaType})",
        HostedFileContent file => $"a HostedFileContent{(file.MediaType is null ? string.Empty : $" ({file.MediaType})")}",
        _ => content.GetType().Name,
    };
}
