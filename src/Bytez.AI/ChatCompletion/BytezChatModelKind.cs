namespace Bytez.AI.ChatCompletion;

/// <summary>Decides whether a model takes a message list or a prompt, from its task and id.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>Task <c>chat</c> or any <c>*-text-to-text</c> task (image-text-to-text, ...): messages.</description></item>
/// <item><description>Task <c>text2text-generation</c> (T5-style): a prompt (these models do not echo it).</description></item>
/// <item><description>Task <c>text-generation</c>, or the task is unknown: messages when the id looks like a chat model
/// (see <see cref="LooksLikeChatModel"/>), otherwise a prompt.</description></item>
/// <item><description>Any other task: <see cref="NotSupportedException"/> naming the adapter to use instead.</description></item>
/// </list>
/// </remarks>
internal static class BytezChatModelKind
{
    // Whole name segments (split on '-', '_' and '.') that mark instruction-tuned or chat models.
    private static readonly string[] ChatSegments = ["instruct", "chat", "it"];

    // Substrings of the model name that mark chat model families whose ids carry no suffix.
    private static readonly string[] ChatFamilies = ["hermes", "phi-3", "qwen3"];

    // Families that look like chat models by name but are completion models.
    private static readonly string[] CompletionFamilies = ["nexusraven"];

    /// <summary>Chooses the input mode from the listed task (null when unknown) and the model id.</summary>
    /// <exception cref="NotSupportedException">The task is not a chat or text-generation task; the message names the adapter to use.</exception>
    public static BytezChatInputMode Resolve(string modelId, string? task)
    {
        if (TryResolve(modelId, task, out BytezChatInputMode mode))
        {
            return mode;
        }

        string instead = task switch
        {
            BytezTasks.FeatureExtraction or BytezTasks.SentenceSimilarity => "use AsIEmbeddingGenerator()",
            BytezTasks.TextToImage or BytezTasks.UnconditionalImageGeneration => "use AsIImageGenerator()",
            _ => "run it with BytezModel.RunAsync()",
        };
        throw new NotSupportedException(
            $"Model '{modelId}' has task '{task}', which is not a chat or text-generation task; {instead} instead.");
    }

    /// <summary>Chooses the input mode as <see cref="Resolve"/> does; false (instead of throwing) for a task that is not chat or text generation.</summary>
    public static bool TryResolve(string modelId, string? task, out BytezChatInputMode mode)
    {
        if (task is null || task == BytezTasks.TextGeneration)
        {
            mode = LooksLikeChatModel(modelId) ? BytezChatInputMode.Messages : BytezChatInputMode.Prompt;
            return true;
        }

        if (task == BytezTasks.Chat || task.EndsWith("-text-to-text", StringComparison.Ordinal))
        {
            mode = BytezChatInputMode.Messages;
            return true;
        }

        mode = BytezChatInputMode.Prompt;
        return task == BytezTasks.Text2TextGeneration;
    }

    /// <summary>
    /// Gets a value indicating whether a model id looks like a chat (instruction-tuned) model: a name segment
    /// <c>instruct</c>, <c>chat</c> or <c>it</c> (Llama-3.x-Instruct, Mistral-*-Instruct, Qwen2/2.5-*-Instruct,
    /// TinyLlama-*-Chat, gemma-*-it), or a Hermes, Phi-3 or Qwen3 model. NexusRaven is a completion model.
    /// </summary>
    public static bool LooksLikeChatModel(string modelId)
    {
        string name = modelId[(modelId.LastIndexOf('/') + 1)..];
        if (CompletionFamilies.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return ChatFamilies.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)) ||
            name.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
                .Any(segment => ChatSegments.Contains(segment, StringComparer.OrdinalIgnoreCase));
    }
}
