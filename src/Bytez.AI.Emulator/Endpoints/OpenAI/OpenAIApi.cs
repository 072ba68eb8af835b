namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>The OpenAI-compatible endpoints Bytez serves under <c>models/v2/openai/v1/</c> (wire reference §3.10).</summary>
internal enum OpenAIApi
{
    /// <summary><c>chat/completions</c>: <c>chat.completion</c> objects and chunks.</summary>
    Chat,

    /// <summary><c>completions</c>: <c>text_completion</c> objects.</summary>
    Completions,

    /// <summary><c>responses</c>: the Responses API (closed-source <c>openai</c> and <c>anthropic</c> models only).</summary>
    Responses,
}
