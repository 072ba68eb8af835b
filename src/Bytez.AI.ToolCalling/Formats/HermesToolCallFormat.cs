using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// The Hermes format (Qwen2.5/Qwen3/QwQ, NousResearch Hermes 2 Pro/3, and the default for chat models without a trained
/// format): tools as JSON inside <c>&lt;tools&gt;&lt;/tools&gt;</c> in the system message, calls as
/// <c>&lt;tool_call&gt;{"name": ..., "arguments": {...}}&lt;/tool_call&gt;</c> blocks, results as
/// <c>&lt;tool_response&gt;</c> blocks in call order. The messages follow the chat template of <see cref="Template"/>.
/// </summary>
/// <remarks>
/// Besides <c>&lt;tool_call&gt;</c>, calls are read from a bare JSON object opening the output and from the wrappers models
/// drift into (<c>&lt;function=name&gt;</c>, <c>&lt;tool&gt;</c>, <c>&lt;json&gt;</c>, a <c>```json</c> fence opening the
/// output, ...) when they name a declared tool.
/// </remarks>
public sealed class HermesToolCallFormat : ToolCallFormat
{
    /// <summary>Initializes a new instance of the <see cref="HermesToolCallFormat"/> class for models without a trained format (<see cref="HermesTemplate.Generic"/>).</summary>
    public HermesToolCallFormat()
        : this(HermesTemplate.Generic)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HermesToolCallFormat"/> class.</summary>
    /// <param name="template">The model family whose chat template the messages follow.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="template"/> is not a defined value.</exception>
    public HermesToolCallFormat(HermesTemplate template)
    {
        if (!Enum.IsDefined(template))
        {
            throw new ArgumentOutOfRangeException(nameof(template), template, "Use one of the HermesTemplate values.");
        }

        Template = template;
    }

    /// <inheritdoc/>
    public override string Name => "hermes";

    /// <summary>Gets the model family whose chat template the rendered messages follow.</summary>
    public HermesTemplate Template { get; }

    /// <inheritdoc/>
    public override ToolPrompt Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(tools);
        ToolJson.ValidateMode(tools, mode);

        var entries = ChatHistoryReader.Read(messages);
        bool renderTools = ShouldRenderTools(tools, mode);
        var output = Template == HermesTemplate.NousHermes
            ? HermesPrompts.RenderNousHermes(entries, renderTools ? tools : null, mode)
            : HermesPrompts.RenderQwen(entries, renderTools ? tools : null, mode, Template);

        // "</tool_call>" is no stop sequence: several calls may follow one another.
        return ToolPrompt.FromMessages(output);
    }

    /// <inheritdoc/>
    public override IToolCallStreamParser CreateStreamParser(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions? options = null) =>
        CreateStreamParser(tools, options, static context => new HermesCallReader(context));
}
