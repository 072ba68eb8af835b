namespace Bytez.AI.Emulator;

/// <summary>What an emulator request was.</summary>
public enum EmulatorRequestKind
{
    /// <summary>A path the emulator does not serve.</summary>
    Unknown,

    /// <summary><c>GET model/list</c>.</summary>
    ListModels,

    /// <summary><c>GET model/instances</c>.</summary>
    ListInstances,

    /// <summary><c>POST model/job</c>.</summary>
    Job,

    /// <summary><c>POST model/load</c>.</summary>
    Load,

    /// <summary><c>POST model/status</c>.</summary>
    Status,

    /// <summary><c>POST model/delete</c>.</summary>
    Stop,

    /// <summary><c>POST model/run</c> without streaming.</summary>
    Run,

    /// <summary><c>POST model/run</c> with <c>"stream": true</c>.</summary>
    RunStream,

    /// <summary><c>GET models/v2/list/models</c>.</summary>
    V2ListModels,

    /// <summary><c>GET models/v2/list/tasks</c>.</summary>
    V2ListTasks,

    /// <summary><c>POST models/v2/request/{id}</c>.</summary>
    V2Request,

    /// <summary><c>POST models/v2/{id}</c> without streaming.</summary>
    V2Run,

    /// <summary><c>POST models/v2/{id}</c> with <c>"stream": true</c>.</summary>
    V2RunStream,

    /// <summary><c>POST models/v2/openai/v1/chat/completions</c> without streaming.</summary>
    OpenAIChat,

    /// <summary><c>POST models/v2/openai/v1/chat/completions</c> with <c>"stream": true</c>.</summary>
    OpenAIChatStream,

    /// <summary><c>POST models/v2/openai/v1/completions</c> without streaming.</summary>
    OpenAICompletions,

    /// <summary><c>POST models/v2/openai/v1/completions</c> with <c>"stream": true</c>.</summary>
    OpenAICompletionsStream,

    /// <summary><c>POST models/v2/openai/v1/responses</c> without streaming.</summary>
    OpenAIResponses,

    /// <summary><c>POST models/v2/openai/v1/responses</c> with <c>"stream": true</c>.</summary>
    OpenAIResponsesStream,

    /// <summary><c>GET cdn/{file}</c>: media produced by a v2 run.</summary>
    Media,

    /// <summary>A request sent, after a <see cref="EmulatorFault.RedirectToOtherHost"/> redirect, to the emulator under another host name.</summary>
    OtherHost,
}
