namespace Bytez.AI.Emulator.Endpoints;

/// <summary>Which API a run arrived through; decides the answer's shape.</summary>
internal enum RunSurface
{
    /// <summary><c>POST model/run</c>.</summary>
    V1,

    /// <summary><c>POST models/v2/{id}</c>.</summary>
    V2,

    /// <summary><c>POST models/v2/openai/v1/{chat/completions, completions, responses}</c>.</summary>
    OpenAI,
}
