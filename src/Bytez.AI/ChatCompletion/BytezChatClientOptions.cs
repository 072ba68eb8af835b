using Bytez.AI.ToolCalling;

namespace Bytez.AI;

/// <summary>Options of the Bytez <c>IChatClient</c> (<c>model.AsIChatClient(options)</c>).</summary>
public sealed class BytezChatClientOptions : BytezInstanceOptions
{
    /// <summary>
    /// Gets or sets which endpoint the client talks to. <see cref="BytezChatRoute.Auto"/> (the default) sends
    /// closed-source models (<c>openai/</c>, <c>anthropic/</c>, <c>google/gemini</c>, <c>mistral/</c>, <c>cohere/</c>) to the
    /// OpenAI-compatible endpoint and open models to the native run; <see cref="BytezChatRoute.OpenAICompatible"/> can be
    /// chosen for open chat models too. On the v1 API only <see cref="BytezChatRoute.Native"/> exists: asking for the
    /// OpenAI-compatible route there throws <see cref="NotSupportedException"/> when the client is created.
    /// <see cref="InputMode"/>, <see cref="PromptToolCalling"/> and <see cref="ToolCallFormat"/> apply to the native route only.
    /// </summary>
    public BytezChatRoute Route { get; set; } = BytezChatRoute.Auto;

    /// <summary>
    /// Gets or sets how the conversation is sent. <see cref="BytezChatInputMode.Auto"/> (the default) chooses from the
    /// model's task and id.
    /// </summary>
    public BytezChatInputMode InputMode { get; set; } = BytezChatInputMode.Auto;

    /// <summary>
    /// Gets or sets a value indicating whether <c>AsIChatClient</c> adds prompt-based tool calling
    /// (<see cref="PromptToolCallingChatClient"/>) on top of the Bytez chat client. Defaults to <see langword="true"/>:
    /// <c>ChatOptions.Tools</c> work with any open model. Set it to <see langword="false"/> to get the plain text client,
    /// for example to compose <c>UsePromptToolCalling(...)</c> yourself at another place in the pipeline.
    /// </summary>
    public bool PromptToolCalling { get; set; } = true;

    /// <summary>
    /// Gets or sets the prompt-based tool-calling format, used when <c>ChatOptions.Tools</c> declares functions (and
    /// <c>ChatOptions.ToolMode</c> is not <c>None</c>) or the history holds function calls or results. Null (the default)
    /// picks the format by the id of the model that runs the call (<see cref="ToolCallFormats.ForModel"/>: NexusRaven
    /// pythonic, Llama 3.1-3.3 JSON, Mistral-7B-Instruct-v0.3 Mistral, Hermes otherwise). Set it for a model whose
    /// training format the id does not reveal, e.g. <see cref="ToolCallFormats.Hermes"/> or
    /// <c>ToolCallFormats.GetByName("llama3")</c>, or to a custom <see cref="ToolCallFormat"/>. Ignored when
    /// <see cref="PromptToolCalling"/> is off.
    /// </summary>
    public ToolCallFormat? ToolCallFormat { get; set; }
}
