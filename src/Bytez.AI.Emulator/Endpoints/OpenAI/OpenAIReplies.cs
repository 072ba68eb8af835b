using Bytez.AI.Emulator.Behaviors.Tools;

namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>
/// Decides the model's own answer on an OpenAI-compatible endpoint when a request asks for more than text: native tool
/// calls (the emulated tool models' planner, <see cref="ToolTurns"/>, from <c>tools</c>, <c>tool_choice</c> and the
/// tool history), the answer after tool results, or JSON for a <c>response_format</c>. Null leaves the answer to the
/// model's task behaviour. Scripted replies win over all of this (the pipeline asks here only without one).
/// </summary>
internal static class OpenAIReplies
{
    public static OpenAIReply? Native(OpenAIRequest request)
    {
        if (request.Tools is { } conversation && ToolTurns.Next(conversation) is { } turn)
        {
            return turn.Calls is { Count: > 0 } calls ? new OpenAIReply(string.Empty, calls) : new OpenAIReply(turn.Answer ?? string.Empty);
        }

        if (request.ResponseSchema is { } schema)
        {
            return new OpenAIReply(SchemaFiller.Fill(schema, request.Query));
        }

        return null;
    }
}
