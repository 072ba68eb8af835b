namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// Reads NexusRaven's <c>Function:</c> blocks: <c>def name(p: type, q: type = default):</c> and the docstring
/// (description, <c>Args:</c> lines <c>p (type): desc</c>, <c>Returns:</c>).
/// </summary>
internal static class PythonicDeclarations
{
    public const string BlockMarker = "Function:";

    public static List<ToolDeclaration> Read(string prompt)
    {
        var tools = new List<ToolDeclaration>();
        int at = 0;
        while ((at = prompt.IndexOf(BlockMarker, at, StringComparison.Ordinal)) >= 0)
        {
            int def = prompt.IndexOf("def ", at, StringComparison.Ordinal);
            int next = prompt.IndexOf(BlockMarker, at + BlockMarker.Length, StringComparison.Ordinal);
            int stop = next < 0 ? prompt.Length : next;
            at += BlockMarker.Length;
            if (def < 0 || def >= stop)
            {
                continue;
            }

            int query = prompt.IndexOf("User Query:", def, StringComparison.Ordinal);
            if (query >= 0 && query < stop)
            {
                stop = query;
            }

            if (ReadBlock(prompt[def..stop]) is { } tool)
            {
                tools.Add(tool);
            }
        }

        return tools;
    }

    private static ToolDeclaration? ReadBlock(string block)
    {
        int open = block.IndexOf('(', StringComparison.Ordinal);
        int close = open < 0 ? -1 : Closing(block, open);
        if (close < 0)
        {
            return null;
        }

        string name = block[4..open].Trim();
        if (name.Length == 0 || !name.All(static c => char.IsLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        var signature = SplitTopLevel(block[(open + 1)..close]).Select(ParseSignatureParameter).OfType<ToolParameter>().ToList();
        (string description, Dictionary<string, (string? Type, string Text)> args, string returns) = ReadDocstring(block[close..]);
        var parameters = signature.Select(p => args.TryGetValue(p.Name, out var doc)
            ? p with { Type = p.Type ?? doc.Type, Description = doc.Text, ItemType = p.ItemType }
            : p).ToList();
        return new ToolDeclaration(name, description, parameters, returns);
    }

    private static ToolParameter? ParseSignatureParameter(string text)
    {
        text = text.Trim();
        if (text.Length == 0 || text.StartsWith('*'))
        {
            return null;
        }

        int eq = IndexOutside(text, '=');
        bool required = eq < 0;
        string head = required ? text : text[..eq].Trim();
        int colon = head.IndexOf(':', StringComparison.Ordinal);
        string name = (colon < 0 ? head : head[..colon]).Trim();
        string? annotation = colon < 0 ? null : head[(colon + 1)..].Trim();
        if (name.Length == 0 || name == "self")
        {
            return null;
        }

        (string? type, string? items) = PythonType(annotation);
        return new ToolParameter(name, type, string.Empty, required) { ItemType = items };
    }

    private static (string Description, Dictionary<string, (string? Type, string Text)> Args, string Returns) ReadDocstring(string rest)
    {
        var args = new Dictionary<string, (string?, string)>(StringComparer.Ordinal);
        int start = rest.IndexOf("\"\"\"", StringComparison.Ordinal);
        int end = start < 0 ? -1 : rest.IndexOf("\"\"\"", start + 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return (string.Empty, args, string.Empty);
        }

        var description = new List<string>();
        var returns = new List<string>();
        string section = "description";
        foreach (string raw in rest[(start + 3)..end].Split('\n'))
        {
            string line = raw.Trim();
            if (line is "Args:" or "Arguments:" or "Parameters:" or "Returns:" or "Raises:")
            {
                section = line;
                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            switch (section)
            {
                case "description":
                    description.Add(line);
                    break;
                case "Returns:":
                    returns.Add(line);
                    break;
                case "Raises:":
                    break;
                default:
                    AddArgument(args, line);
                    break;
            }
        }

        return (string.Join(' ', description), args, string.Join(' ', returns));
    }

    private static void AddArgument(Dictionary<string, (string? Type, string Text)> args, string line)
    {
        // "coordinates (tuple): The latitude and longitude." or "city: The city."
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return;
        }

        string head = line[..colon].Trim();
        string? type = null;
        int paren = head.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0 && head.EndsWith(')'))
        {
            type = PythonType(head[(paren + 1)..^1]).Type;
            head = head[..paren].Trim();
        }

        args[head] = (type, line[(colon + 1)..].Trim());
    }

    /// <summary>The JSON type (and item type) of a Python annotation: <c>str</c>, <c>List[str]</c>, <c>Optional[int]</c>, <c>tuple</c>, ...</summary>
    private static (string? Type, string? Items) PythonType(string? annotation)
    {
        if (string.IsNullOrWhiteSpace(annotation))
        {
            return (null, null);
        }

        string a = annotation.Trim();
        if (a.StartsWith("Optional[", StringComparison.Ordinal) && a.EndsWith(']'))
        {
            return PythonType(a[9..^1]);
        }

        int bracket = a.IndexOf('[', StringComparison.Ordinal);
        string outer = (bracket < 0 ? a : a[..bracket]).Trim().ToLowerInvariant();
        string? inner = bracket > 0 && a.EndsWith(']') ? PythonType(SplitTopLevel(a[(bracket + 1)..^1]).FirstOrDefault()).Type : null;
        return outer switch
        {
            "str" => ("string", null),
            "int" => ("integer", null),
            "float" => ("number", null),
            "bool" => ("boolean", null),
            "list" or "tuple" or "set" or "sequence" => ("array", inner),
            "dict" or "mapping" => ("object", null),
            _ => (null, null),
        };
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        int depth = 0;
        char quote = '\0';
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static int IndexOutside(string text, char target)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '[' or '(' or '{')
            {
                depth++;
            }
            else if (c is ']' or ')' or '}')
            {
                depth--;
            }
            else if (c == target && depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int Closing(string text, int open)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
