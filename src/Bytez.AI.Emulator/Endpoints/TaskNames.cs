namespace Bytez.AI.Emulator.Endpoints;

/// <summary>Task names as each API generation reports them (v1 has no <c>chat</c> task; v2 lists chat models as <c>chat</c>).</summary>
internal static class TaskNames
{
    public static string V1Task(EmulatedModel model) => model.Task == "chat" ? "text-generation" : model.Task;

    public static string V2Task(EmulatedModel model) => model.IsChat && model.Task == "text-generation" ? "chat" : model.Task;

    /// <summary>Whether the v1 API serves the model: closed-source models came with v2.</summary>
    public static bool InV1(EmulatedModel model) => model.Provider is null;

    /// <summary>Whether the model answers with a single assistant message in v2.</summary>
    public static bool IsChatModel(EmulatedModel model) => model.IsChat || model.Task is "chat" or "image-text-to-text" or "audio-text-to-text" or "video-text-to-text";
}
