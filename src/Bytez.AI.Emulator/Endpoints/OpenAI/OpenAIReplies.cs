using Bytez.AI.Emulator.Behaviors.Tools;

namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>
/// Decides the model's own answer on an OpenAI-compatible endpoint when a request asks for more than text: native tool
/// calls (the emulated tool models' planner, <see cref="ToolTurns"/>, from <c>tools</c>, <c>tool_choice</c> and the
/// tool history), the answer after tool results (as schema JSON when a <c>json_schema</c> format asks for it), or JSON
/// for a <c>response_format</c>. Null leaves the answer to the model's task behaviour. Scripted replies win over all of
/// this (the pipeline asks here only without one).
/// </summary>
internal static class OpenAIReplies
{
    public static OpenAIReply? Native(OpenAIRequest request)
    {
        if (request.Tools is { } conversation && ToolTurns.Next(conversation) is { } turn)
        {
            if (turn.Calls is { Count: > 0 } calls)
            {
                return new OpenAIReply(string.Empty, calls);
            }

            // After the results, a schema-bound answer is the schema's JSON, filled from the question and the answer
            // quoting the results (a real model answers in the format it was asked for, tools or not).
            string answer = turn.Answer ?? string.Empty;
            return request.ResponseSchema is { } answerSchema
                ? new OpenAIReply(SchemaFiller.Fill(answerSchema, request.Query + "\n" + answer))
                : new OpenAIReply(answer);
        }

        if (request.ResponseSchema is { } schema)
        {
            return new OpenAIReply(SchemaFiller.Fill(schema, request.Query));
        }

        return null;
    }
}
