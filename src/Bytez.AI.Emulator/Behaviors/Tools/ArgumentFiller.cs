using System.Globalization;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// Fills a chosen tool's arguments from the question: places for city/location parameters, numbers for numeric ones,
/// quoted strings, capitalised names, enum values the question mentions; a required parameter the question cannot
/// supply is taken from another tool whose result fits it (nested call), else from the question's words.
/// </summary>
internal sealed class ArgumentFiller(QueryFacts query, IReadOnlyList<ToolDeclaration> tools)
{
    private const int MaxNesting = 3;

    private static readonly HashSet<string> LocationWords = new(StringComparer.Ordinal)
    {
        "city", "location", "place", "town", "country", "region", "destination", "origin", "address", "state", "where",
        "area", "capital", "locality",
    };

    private static readonly HashSet<string> NameWords = new(StringComparer.Ordinal)
    {
        "name", "symbol", "ticker", "person", "user", "username", "title", "company", "stock", "team", "product", "author",
        "artist", "movie", "book", "entity", "id",
    };

    private static readonly HashSet<string> BoundaryWords = new(StringComparer.Ordinal) { "from", "by", "for", "with", "of", "in" };

    /// <summary>Whether every required parameter of <paramref name="tool"/> gets a value of the right kind from <paramref name="facts"/> alone.</summary>
    public static bool CanFillDirectly(ToolDeclaration tool, QueryFacts facts)
    {
        var filler = new ArgumentFiller(facts, []);
        return tool.Parameters.Where(static p => p.Required).All(p => filler.Strong(p, new Cursor(null)) is not null);
    }

    /// <summary>The calls for <paramref name="tool"/>: one, or one per place when the question names several for a single-valued location parameter.</summary>
    public List<PlannedCall> Calls(ToolDeclaration tool)
    {
        ToolParameter? spread = tool.Parameters.FirstOrDefault(p => p.Required && IsLocation(p) && p.Type is null or "string");
        if (spread is not null && query.Places.Count > 1)
        {
            return [.. query.Places.Select(place => Call(tool, new Cursor(place), 0, [tool.Name]))];
        }

        return [Call(tool, new Cursor(null), 0, [tool.Name])];
    }

    private PlannedCall Call(ToolDeclaration tool, Cursor cursor, int depth, HashSet<string> chain)
    {
        var arguments = new List<PlannedArgument>();
        foreach (ToolParameter p in tool.Parameters)
        {
            if (Strong(p, cursor) is { } value)
            {
                arguments.Add(new PlannedArgument(p.Name, value));
            }
            else if (!p.Required)
            {
                continue;
            }
            else if (depth < MaxNesting && Producer(p, chain) is { } producer)
            {
                arguments.Add(new PlannedArgument(p.Name, null, Call(producer, new Cursor(cursor.Place), depth + 1, [.. chain, producer.Name])));
            }
            else if (Weak(p, cursor) is { } fallback)
            {
                arguments.Add(new PlannedArgument(p.Name, fallback));
            }
        }

        return new PlannedCall(tool.Name, arguments);
    }

    /// <summary>A value the question gives for <paramref name="p"/> unambiguously, or null.</summary>
    private JsonNode? Strong(ToolParameter p, Cursor cursor)
    {
        if (p.Enum.Count > 0)
        {
            string? mentioned = p.Enum.FirstOrDefault(v => query.Words.Contains(ToolWords.Normalize(v)) || query.Text.Contains(v, StringComparison.OrdinalIgnoreCase));
            return mentioned is not null ? JsonValue.Create(mentioned) : p.Required ? JsonValue.Create(p.Enum[0]) : null;
        }

        bool mentioned2 = ToolWords.ContentOfIdentifier(p.Name).Any(query.Words.Contains);
        switch (p.Type)
        {
            case "boolean":
                return p.Required || mentioned2 ? JsonValue.Create(mentioned2) : null;
            case "integer" or "number":
                return (p.Required || mentioned2) && cursor.NextNumber(query) is { } number ? Number(number, p.Type == "integer") : null;
            case "array":
                return p.Required || mentioned2 ? StrongArray(p) : null;
            case "object":
                return p.Required && p.Properties.Count > 0 ? ObjectValue(p, cursor) : null;
        }

        if (!p.Required)
        {
            return null;
        }

        if (IsLocation(p) && (cursor.Place ?? query.Places.FirstOrDefault()) is { } place)
        {
            return JsonValue.Create(place);
        }

        if (cursor.NextQuoted(query) is { } quoted)
        {
            return JsonValue.Create(quoted);
        }

        return IsName(p) && query.Names.FirstOrDefault() is { } name ? JsonValue.Create(name) : null;
    }

    private JsonArray? StrongArray(ToolParameter p)
    {
        if (p.ItemType is "number" or "integer" && query.Numbers.Count > 0)
        {
            return [.. query.Numbers.Select(n => Number(n, p.ItemType == "integer"))];
        }

        if (p.ItemType is null or "string" && IsLocation(p) && query.Places.Count > 0)
        {
            return [.. query.Places.Select(static n => (JsonNode)JsonValue.Create(n))];
        }

        if (p.ItemType is null or "string" && query.Quoted.Count > 0)
        {
            return [.. query.Quoted.Select(static n => (JsonNode)JsonValue.Create(n))];
        }

        return null;
    }

    /// <summary>A best-effort value when nothing fits: a place or name, else the question's topic.</summary>
    private JsonNode? Weak(ToolParameter p, Cursor cursor)
    {
        switch (p.Type)
        {
            case "integer" or "number":
                return JsonValue.Create(1);
            case "array":
                var names = query.Names.Count > 0 ? query.Names : query.Words.Take(3).ToList();
                return p.ItemType is "number" or "integer" ? new JsonArray() : new JsonArray([.. names.Select(static n => (JsonNode)JsonValue.Create(n))]);
            case "object":
                return ObjectValue(p, cursor);
            case "boolean":
                return JsonValue.Create(false);
        }

        string text = cursor.Place ?? query.Places.FirstOrDefault() ?? query.Names.FirstOrDefault() ?? query.Topic();
        return text.Length == 0 ? null : JsonValue.Create(text);
    }

    private JsonObject ObjectValue(ToolParameter p, Cursor cursor)
    {
        var obj = new JsonObject();
        foreach (ToolParameter property in p.Properties)
        {
            if ((Strong(property, cursor) ?? (property.Required ? Weak(property, cursor) : null)) is { } value)
            {
                obj[property.Name] = value;
            }
        }

        return obj;
    }

    /// <summary>Another tool whose result fits <paramref name="p"/>: its return (or description) shares two words with the parameter, or its name names it.</summary>
    private ToolDeclaration? Producer(ToolParameter p, HashSet<string> chain)
    {
        var wanted = ToolWords.ContentOfIdentifier(p.Name).Concat(ToolWords.Content(p.Description)).ToHashSet(StringComparer.Ordinal);
        var nameWanted = ToolWords.ContentOfIdentifier(p.Name);
        foreach (ToolDeclaration tool in tools.Where(t => !chain.Contains(t.Name)))
        {
            var produced = ToolWords.Content(tool.Returns.Length > 0 ? tool.Returns : tool.Description);
            if (nameWanted.Any(OutputWords(tool.Name).Contains) || produced.Count(wanted.Contains) >= 2)
            {
                return tool;
            }
        }

        return null;
    }

    /// <summary>The words of a tool name that describe its output: <c>get_coordinates_from_city</c> gives "coordinates".</summary>
    private static List<string> OutputWords(string name) =>
        [.. ToolWords.SplitIdentifier(name).TakeWhile(w => !BoundaryWords.Contains(w)).Select(ToolWords.Normalize).Where(ToolWords.IsContent)];

    private static bool IsLocation(ToolParameter p) => ToolWords.SplitIdentifier(p.Name).Any(LocationWords.Contains);

    private static bool IsName(ToolParameter p) => ToolWords.SplitIdentifier(p.Name).Any(NameWords.Contains);

    private static JsonValue Number(string text, bool integer)
    {
        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return integer || (value == Math.Floor(value) && !text.Contains('.', StringComparison.Ordinal))
            ? JsonValue.Create((long)Math.Round(value))
            : JsonValue.Create(value);
    }

    /// <summary>What one call has used up: the place it is for (parallel calls), and the numbers and quotes taken so far.</summary>
    private sealed class Cursor(string? place)
    {
        private int _numbers;
        private int _quoted;

        public string? Place { get; } = place;

        public string? NextNumber(QueryFacts facts) => _numbers < facts.Numbers.Count ? facts.Numbers[_numbers++] : null;

        public string? NextQuoted(QueryFacts facts) => _quoted < facts.Quoted.Count ? facts.Quoted[_quoted++] : null;
    }
}
