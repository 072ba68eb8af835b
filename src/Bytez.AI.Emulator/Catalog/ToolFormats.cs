namespace Bytez.AI.Emulator;

/// <summary>The prompt-based tool-calling formats an <see cref="EmulatedModel.ToolFormat"/> can name.</summary>
internal static class ToolFormats
{
    /// <summary>NexusRaven's <c>Function:</c> blocks and <c>Call: f(a=1)</c> output.</summary>
    public const string Pythonic = "pythonic";

    /// <summary>Hermes/Qwen <c>&lt;tools&gt;</c> and <c>&lt;tool_call&gt;{...}&lt;/tool_call&gt;</c>.</summary>
    public const string Hermes = "hermes";

    /// <summary>Llama 3.1+ JSON tool calls (<c>{"name": ..., "parameters": {...}}</c>).</summary>
    public const string Llama3 = "llama3";

    /// <summary>Mistral <c>[AVAILABLE_TOOLS]</c> / <c>[TOOL_CALLS]</c>.</summary>
    public const string Mistral = "mistral";
}
