using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Continues nested pythonic calls across rounds. M.E.AI chat clients are stateless between calls, so the state lives in
/// the history: each call emitted for a nested statement carries the statement's text, a plan id and its node index in
/// <see cref="AIContent.AdditionalProperties"/> (which survive JSON round trips of the history). Re-parsing the statement
/// and matching the returned <see cref="FunctionResultContent"/>s by call id tells which layer is next.
/// </summary>
internal static class PendingCallPlan
{
    /// <summary>
    /// Finds the next layer of calls of any nested plan since the last user message: calls whose nested calls all have
    /// results (substituted as literal values). False when no plan is pending, a plan call failed (the failure is left for
    /// the model to explain) or a result is missing.
    /// </summary>
    public static bool TryGetNextCalls(IReadOnlyList<ChatMessage> messages, ToolCallParseContext context, out List<AIContent> calls)
    {
        calls = [];
        var plans = new List<(string Id, string Statement, Dictionary<int, string> Emitted)>();
        var results = new Dictionary<string, FunctionResultContent>(StringComparer.Ordinal);
        foreach (var message in messages.Skip(LastUserMessageIndex(messages) + 1))
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionResultContent result)
                {
                    results[result.CallId] = result;
                }
                else if (content is FunctionCallContent call &&
                         GetString(call, PythonicCalls.PlanIdKey) is { } planId &&
                         GetString(call, PythonicCalls.PlanKey) is { } statement &&
                         int.TryParse(GetString(call, PythonicCalls.PlanNodeKey), NumberStyles.None, CultureInfo.InvariantCulture, out int node))
                {
                    int index = plans.FindIndex(p => p.Id == planId);
                    if (index < 0)
                    {
                        plans.Add((planId, statement, []));
                        index = plans.Count - 1;
                    }

                    plans[index].Emitted[node] = call.CallId;
                }
            }
        }

        foreach (var plan in plans)
        {
            AddNextLayer(plan.Id, plan.Statement, plan.Emitted, results, context, calls);
        }

        return calls.Count > 0;
    }

    /// <summary>Index of the last user message that is a real query (not a message carrying function results); -1 if none.</summary>
    public static int LastUserMessageIndex(IReadOnlyList<ChatMessage> messages)
    {
        for (int i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User && !messages[i].Contents.Any(static c => c is FunctionResultContent))
            {
                return i;
            }
        }

        return -1;
    }

    private static void AddNextLayer(
        string planId,
        string statement,
        Dictionary<int, string> emitted,
        Dictionary<string, FunctionResultContent> results,
        ToolCallParseContext context,
        List<AIContent> calls)
    {
        if (!PythonParser.TryParseCall(statement, out var root, out _))
        {
            return;
        }

        var nodes = new List<PyCall>();
        root!.CollectCalls(nodes);
        var resolved = new Dictionary<PyCall, JsonNode?>(ReferenceEqualityComparer.Instance);
        foreach (var (index, callId) in emitted)
        {
            if (index >= nodes.Count || !results.TryGetValue(callId, out var result) || ToolResultText.IsFailure(result))
            {
                // Waiting for a result, or a layer failed: nothing more to run without the model.
                return;
            }

            resolved[nodes[index]] = ToolResultText.ToNode(result);
        }

        for (int i = 0; i < nodes.Count; i++)
        {
            if (!emitted.ContainsKey(i) && nodes[i].NestedCalls().TrueForAll(resolved.ContainsKey))
            {
                calls.Add(PythonicCalls.CreatePlanCall(nodes[i], i, statement, planId, context, n => resolved[n]?.DeepClone()));
            }
        }
    }

    private static string? GetString(AIContent content, string key) =>
        content.AdditionalProperties?.TryGetValue(key, out object? value) == true
            ? value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                _ => null,
            }
            : null;
}
