using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>Turns parsed Python calls into <see cref="FunctionCallContent"/>s, including the first layer of a nested call.</summary>
internal static class PythonicCalls
{
    /// <summary>Key (in <see cref="AIContent.AdditionalProperties"/>) of the source text of a nested call statement.</summary>
    public const string PlanKey = "bytez.pythonic.plan";

    /// <summary>Key of the id shared by all calls emitted for one nested statement.</summary>
    public const string PlanIdKey = "bytez.pythonic.plan_id";

    /// <summary>Key of the call's index among the statement's calls (pre-order).</summary>
    public const string PlanNodeKey = "bytez.pythonic.plan_node";

    /// <summary>
    /// The contents for one statement: the call itself when it has no nested calls; otherwise its innermost calls (those
    /// whose arguments are all literals), tagged so <see cref="PendingCallPlan"/> can continue the plan from the history.
    /// </summary>
    public static IReadOnlyList<AIContent> FromStatement(string statement, ToolCallParseContext context)
    {
        if (!PythonParser.TryParseCall(statement, out var root, out var error))
        {
            return [ToolCallErrors.Invalid($"The call is not a literal-only Python call: {error}.", statement)];
        }

        var nodes = new List<PyCall>();
        root!.CollectCalls(nodes);
        foreach (var node in nodes)
        {
            // Validate every layer now, so a later round never discovers that the plan cannot be completed.
            if (!TryBuildArguments(node, context, static _ => null, out _, out var argumentError))
            {
                return [ToolCallErrors.Invalid(argumentError!, statement)];
            }
        }

        if (nodes.Count == 1)
        {
            TryBuildArguments(root, context, static _ => null, out var arguments, out _);
            return [new FunctionCallContent(context.NewCallId(), root.Name, JsonText.ToArguments(arguments))];
        }

        string planId = Guid.NewGuid().ToString("N");
        var contents = new List<AIContent>();
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].NestedCalls().Count == 0)
            {
                contents.Add(CreatePlanCall(nodes[i], i, statement, planId, context, static _ => null));
            }
        }

        return contents;
    }

    /// <summary>Creates the call for one node of a plan, with the plan's tags.</summary>
    public static AIContent CreatePlanCall(PyCall node, int index, string statement, string planId, ToolCallParseContext context, Func<PyCall, JsonNode?> resolve)
    {
        if (!TryBuildArguments(node, context, resolve, out var arguments, out var error))
        {
            return ToolCallErrors.Invalid(error!, statement);
        }

        return new FunctionCallContent(context.NewCallId(), node.Name, JsonText.ToArguments(arguments))
        {
            AdditionalProperties = new()
            {
                [PlanKey] = statement,
                [PlanIdKey] = planId,
                [PlanNodeKey] = index.ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>Maps keyword and positional arguments to a JSON object, positional ones by the tool's parameter order.</summary>
    public static bool TryBuildArguments(PyCall call, ToolCallParseContext context, Func<PyCall, JsonNode?> resolve, out JsonObject? arguments, out string? error)
    {
        arguments = new JsonObject();
        error = null;
        IReadOnlyList<PythonParameter> parameters = context.Tools.TryGetValue(call.Name, out var tool) ? PythonSignature.GetParameters(tool) : [];
        int position = 0;
        foreach (var argument in call.Arguments)
        {
            string name;
            if (argument.Name is not null)
            {
                name = argument.Name;
            }
            else if (tool is null)
            {
                // Undeclared tool: the invoking client reports it as not found; the name only needs to be stable.
                name = string.Create(CultureInfo.InvariantCulture, $"arg{position}");
            }
            else if (position < parameters.Count)
            {
                name = parameters[position].Name;
            }
            else
            {
                error = $"'{call.Name}' got more positional arguments than it has parameters.";
                arguments = null;
                return false;
            }

            position++;
            if (arguments.ContainsKey(name))
            {
                error = $"'{call.Name}' got the argument '{name}' twice.";
                arguments = null;
                return false;
            }

            arguments[name] = argument.Value.ToJson(resolve);
        }

        return true;
    }
}
