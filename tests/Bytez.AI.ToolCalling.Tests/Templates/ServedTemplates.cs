using System.Text;

namespace Bytez.AI.ToolCalling.Tests.Templates;

/// <summary>
/// What a server makes of rendered messages: each template's branch for a request without tools (Bytez takes a message
/// list and applies the model's chat template to it; it cannot be given tools), transcribed from the same template
/// sources as <see cref="TemplateGoldens"/>, with the generation prompt.
/// </summary>
internal static class ServedTemplates
{
    private const string QwenDefaultSystem = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

    /// <summary>Qwen2.5's template without tools: the first system message, or Qwen's default line, then ChatML turns.</summary>
    public static string Qwen25(IReadOnlyList<ToolPromptMessage> messages)
    {
        var sb = new StringBuilder();
        sb.Append("<|im_start|>system\n").Append(messages[0].Role == "system" ? messages[0].Content : QwenDefaultSystem).Append("<|im_end|>\n");
        for (int i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            if (m.Role is "user" or "assistant" || (m.Role == "system" && i > 0))
            {
                sb.Append("<|im_start|>").Append(m.Role).Append('\n').Append(m.Content).Append("<|im_end|>\n");
            }
            else if (m.Role != "system")
            {
                throw new InvalidOperationException($"Qwen2.5's template would wrap role '{m.Role}' differently; the format sends none.");
            }
        }

        return sb.Append("<|im_start|>assistant\n").ToString();
    }

    /// <summary>
    /// Qwen3's template without tools: reasoning that an assistant message carries as <c>&lt;think&gt;...&lt;/think&gt;</c> is
    /// split off, and written back only for messages after the last real user query.
    /// </summary>
    public static string Qwen3(IReadOnlyList<ToolPromptMessage> messages)
    {
        var sb = new StringBuilder();
        if (messages[0].Role == "system")
        {
            sb.Append("<|im_start|>system\n").Append(messages[0].Content).Append("<|im_end|>\n");
        }

        int lastQuery = messages.Count - 1;
        for (int i = messages.Count - 1; i >= 0; i--)
        {
            var m = messages[i];
            if (m.Role == "user" && !(m.Content.StartsWith("<tool_response>", StringComparison.Ordinal) && m.Content.EndsWith("</tool_response>", StringComparison.Ordinal)))
            {
                lastQuery = i;
                break;
            }
        }

        for (int i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            if (m.Role == "user" || (m.Role == "system" && i > 0))
            {
                sb.Append("<|im_start|>").Append(m.Role).Append('\n').Append(m.Content).Append("<|im_end|>\n");
            }
            else if (m.Role == "assistant")
            {
                string content = m.Content;
                string reasoning = string.Empty;
                if (content.Contains("</think>", StringComparison.Ordinal))
                {
                    string[] parts = content.Split("</think>");
                    reasoning = parts[0].TrimEnd('\n').Split("<think>")[^1].TrimStart('\n');
                    content = parts[^1].TrimStart('\n');
                }

                bool last = i == messages.Count - 1;
                sb.Append("<|im_start|>assistant\n");
                if (i > lastQuery && (last || reasoning.Length > 0))
                {
                    sb.Append("<think>\n").Append(reasoning.Trim('\n')).Append("\n</think>\n\n").Append(content.TrimStart('\n'));
                }
                else
                {
                    sb.Append(content);
                }

                sb.Append("<|im_end|>\n");
            }
            else if (m.Role != "system")
            {
                throw new InvalidOperationException($"The format sends no '{m.Role}' message to Qwen3.");
            }
        }

        return sb.Append("<|im_start|>assistant\n").ToString();
    }

    /// <summary>Hermes-2-Pro's and Hermes-3's default template (plain ChatML), used when no tools are given.</summary>
    public static string ChatMl(IReadOnlyList<ToolPromptMessage> messages, string bos)
    {
        var sb = new StringBuilder(bos);
        foreach (var m in messages)
        {
            sb.Append("<|im_start|>").Append(m.Role).Append('\n').Append(m.Content).Append("<|im_end|>\n");
        }

        return sb.Append("<|im_start|>assistant\n").ToString();
    }

    /// <summary>
    /// Llama 3.1's and 3.2's template without tools: the system header (dates, then the first system message, trimmed),
    /// then every message trimmed; <c>ipython</c>/<c>tool</c> content goes through <c>tojson</c> (a string is iterable
    /// in Jinja, so it is quoted).
    /// </summary>
    public static string Llama3(IReadOnlyList<ToolPromptMessage> messages)
    {
        var sb = new StringBuilder("<|begin_of_text|>");
        int first = messages[0].Role == "system" ? 1 : 0;
        sb.Append("<|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n");
        sb.Append(first == 1 ? messages[0].Content.Trim() : string.Empty).Append("<|eot_id|>");
        foreach (var m in messages.Skip(first))
        {
            if (m.Role is "ipython" or "tool")
            {
                sb.Append("<|start_header_id|>ipython<|end_header_id|>\n\n").Append(PythonString(m.Content)).Append("<|eot_id|>");
            }
            else
            {
                sb.Append("<|start_header_id|>").Append(m.Role).Append("<|end_header_id|>\n\n").Append(m.Content.Trim()).Append("<|eot_id|>");
            }
        }

        return sb.Append("<|start_header_id|>assistant<|end_header_id|>\n\n").ToString();
    }

    /// <summary>
    /// Mistral's template without tools (v0.3's with <paramref name="v3"/>, else Nemo's): it raises unless user and
    /// assistant alternate; user turns in <c>[INST]</c>, assistant turns then <c>&lt;/s&gt;</c> (v0.3 puts a space before them and trims).
    /// </summary>
    public static string Mistral(IReadOnlyList<ToolPromptMessage> messages, bool v3)
    {
        var sb = new StringBuilder("<s>");
        for (int i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            if ((m.Role == "user") != (i % 2 == 0))
            {
                throw new InvalidOperationException("After the optional system message, conversation roles must alternate user/assistant/user/assistant/...");
            }

            if (m.Role == "user")
            {
                sb.Append(v3 ? "[INST] " : "[INST]").Append(m.Content).Append("[/INST]");
            }
            else if (m.Role == "assistant")
            {
                sb.Append(v3 ? " " + m.Content.Trim() : m.Content).Append("</s>");
            }
            else
            {
                throw new InvalidOperationException("Only user and assistant roles are supported, with the exception of an initial optional system message!");
            }
        }

        return sb.ToString();
    }

    /// <summary>A string as <c>json.dumps</c> writes it (enough for the test data: quotes, backslashes, line breaks).</summary>
    private static string PythonString(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
