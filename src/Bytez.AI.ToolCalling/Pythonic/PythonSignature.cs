using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Renders a tool as a Python function with a docstring, as on NexusRaven-V2's model card (no type hints in the signature,
/// the types in <c>Args:</c> and <c>Returns:</c>), and gives the parameter order used for
/// positional arguments. Required parameters come first (stable order), so the signature is valid Python and the
/// positional order the model sees is the order used to map positional arguments back.
/// </summary>
internal static class PythonSignature
{
    public static IReadOnlyList<PythonParameter> GetParameters(AIFunctionDeclaration tool)
    {
        var schema = tool.JsonSchema;
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in req.EnumerateArray())
            {
                if (item.GetString() is { } name)
                {
                    required.Add(name);
                }
            }
        }

        var parameters = new List<PythonParameter>();
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var prop in props.EnumerateObject())
            {
                parameters.Add(new PythonParameter(prop.Name, prop.Value, required.Contains(prop.Name)));
            }
        }

        return [.. parameters.Where(static p => p.Required), .. parameters.Where(static p => !p.Required)];
    }

    /// <summary>The <c>Function:</c> block of one tool, ending with the closing docstring quotes and a newline.</summary>
    public static string RenderBlock(AIFunctionDeclaration tool)
    {
        var parameters = GetParameters(tool);
        var sb = new StringBuilder();
        sb.Append("Function:\n");
        sb.Append("def ").Append(tool.Name).Append('(');
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (i > 0)
            {
                sb.Append(", ");
            }

            // The model card writes no type hints in the signature (the types are in the Args list).
            sb.Append(p.Name);
            if (!p.Required)
            {
                sb.Append('=').Append(p.Schema.ValueKind == JsonValueKind.Object && p.Schema.TryGetProperty("default", out var d) ? PythonLiteral.Format(d) : "None");
            }
        }

        sb.Append("):\n");
        sb.Append("    \"\"\"\n");
        if (!string.IsNullOrWhiteSpace(tool.Description))
        {
            sb.Append("    ").Append(tool.Description.Trim()).Append('\n');
        }

        if (parameters.Count > 0)
        {
            if (!string.IsNullOrWhiteSpace(tool.Description))
            {
                sb.Append('\n');
            }

            sb.Append("    Args:\n");
            foreach (var p in parameters)
            {
                sb.Append("    ").Append(p.Name).Append(" (").Append(PythonType(p.Schema) ?? "Any").Append(')');
                string description = Describe(p.Schema);
                if (description.Length > 0)
                {
                    sb.Append(": ").Append(description);
                }

                sb.Append('\n');
            }
        }

        if (tool.ReturnJsonSchema is { ValueKind: JsonValueKind.Object } returns)
        {
            // As on the model card: "Returns:" and "type: description" (the type alone when the function describes no result).
            string? returnText = returns.TryGetProperty("description", out var returnDescription) ? returnDescription.GetString()?.Trim() : null;
            string? returnType = PythonType(returns);
            if (returnType is not null || !string.IsNullOrEmpty(returnText))
            {
                sb.Append("\n    Returns:\n");
                sb.Append("    ").Append(returnType ?? "Any");
                sb.Append(string.IsNullOrEmpty(returnText) ? string.Empty : ": " + returnText).Append('\n');
            }
        }

        sb.Append("    \"\"\"\n");
        return sb.ToString();
    }

    /// <summary>The Python type of a schema: str, int, float, bool, list, dict (nullable unions use the non-null type), or null when untyped.</summary>
    public static string? PythonType(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out _))
            {
                return "str";
            }

            return null;
        }

        string? name = type.ValueKind switch
        {
            JsonValueKind.String => type.GetString(),
            JsonValueKind.Array => type.EnumerateArray().Select(static t => t.GetString()).FirstOrDefault(static t => t is not null and not "null"),
            _ => null,
        };

        return name switch
        {
            "string" => "str",
            "integer" => "int",
            "number" => "float",
            "boolean" => "bool",
            "array" => "list",
            "object" => "dict",
            _ => null,
        };
    }

    private static string Describe(JsonElement schema)
    {
        var parts = new List<string>();
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        if (schema.TryGetProperty("description", out var description) && description.GetString() is { Length: > 0 } text)
        {
            parts.Add(text.Trim());
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            parts.Add("One of: " + string.Join(", ", values.EnumerateArray().Select(PythonLiteral.Format)) + ".");
        }

        if (schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            var keys = props.EnumerateObject().Select(static p => p.Name + (PythonType(p.Value) is { } t ? $" ({t})" : string.Empty));
            parts.Add("Keys: " + string.Join(", ", keys) + ".");
        }

        return string.Join(' ', parts);
    }
}
