namespace Bytez.AI.ToolCalling.Tests;

/// <summary>The cases of tool-calling.md, for every format they apply to.</summary>
internal static class ParseCases
{
    private const string Paris = "C:get_weather{\"city\":\"Paris\"}";
    private const string Time = "C:get_time{}";
    private const string Calls = "tool_calls";
    private const string Length = "length";
    private const string CodeBlock = "Here is an example:\n```json\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n```\nUse it wisely.";

    public static IReadOnlyList<ParseCase> All { get; } =
    [
        // Hermes
        new("hermes", "01 prose", "The weather is nice.", "T:The weather is nice.", null),
        new("hermes", "02 one call", "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>", Paris, Calls),
        new("hermes", "02b bare call at the start", "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}", Paris, Calls),
        new("hermes", "03 two calls", "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>\n<tool_call>\n{\"name\": \"get_time\", \"arguments\": {}}\n</tool_call>", $"{Paris}|{Time}", Calls),
        new("hermes", "04 prose then call", "Let me check.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>", $"T:Let me check.\n|{Paris}", Calls),
        new("hermes", "04b call then prose", "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}</tool_call>\nOne moment.", $"{Paris}|T:\nOne moment.", Calls),
        new("hermes", "05 unclosed call", "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}", Paris, Calls),
        new("hermes", "05b unclosed, half close tag", "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool", Paris, Calls),
        new("hermes", "06 truncated", "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Pa", "E:truncated_tool_call", Length),
        new("hermes", "06b truncated after marker", "Sure. <tool_call>", "T:Sure. |E:truncated_tool_call", Length),
        new("hermes", "07 single quotes lenient", "<tool_call>{'name': 'get_weather', 'arguments': {'city': 'Paris'}}</tool_call>", Paris, Calls),
        new("hermes", "07b single quotes strict", "<tool_call>{'name': 'get_weather', 'arguments': {'city': 'Paris'}}</tool_call>", "E:invalid_tool_call", null, Lenient: false),
        new("hermes", "08 string arguments", "<tool_call>{\"name\": \"get_weather\", \"arguments\": \"{\\\"city\\\": \\\"Paris\\\"}\"}</tool_call>", Paris, Calls),
        new("hermes", "09 parameters", "<tool_call>{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}</tool_call>", Paris, Calls),
        new("hermes", "10 undeclared JSON", "{\"name\": \"nope\", \"arguments\": {}}", "T:{\"name\": \"nope\", \"arguments\": {}}", null),
        new("hermes", "10b JSON answer", "{\"temperature\": 15}", "T:{\"temperature\": 15}", null),
        new("hermes", "10c cut JSON prose", "{\"temperature\": 1", "T:{\"temperature\": 1", null),
        new("hermes", "06c truncated bare call", "{\"name\": \"get_weather\", \"arguments\": {\"ci", "E:truncated_tool_call", Length),
        new("hermes", "11 code block", CodeBlock, "T:" + CodeBlock, null),
        new("hermes", "12 unknown tool", "<tool_call>{\"name\": \"nope\", \"arguments\": {\"x\": 1}}</tool_call>", "C:nope{\"x\":1}", Calls),
        new("hermes", "14 near marker", "a <table> b", "T:a <table> b", null),
        new("hermes", "15 ends with marker start", "hello <tool", "T:hello <tool", null),
        new("hermes", "not JSON in marker", "<tool_call>get_weather(city='Paris')</tool_call>", "E:invalid_tool_call", null),
        new("hermes", "16 closed call, JSON never closed", "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"</tool_call>", "E:invalid_tool_call", null),
        new("hermes", "16b closed call, JSON never closed, then a good call", "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"</tool_call>\n<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>", $"E:invalid_tool_call|{Time}", Calls),
        new("hermes", "16c bare call, JSON never closed, then a closing tag", "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"</tool_call>", "E:invalid_tool_call", null),
        new("hermes", "16d closing tag inside a string of a cut call", "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"a </tool_call> b", "E:truncated_tool_call", Length),
        new("hermes", "braces in strings", "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"P}a\\\"r{is\"}}</tool_call>", "C:get_weather{\"city\":\"P}a\\\"r{is\"}", Calls),
        new("hermes", "nested object and array", "<tool_call>{\"name\": \"search_hotels\", \"arguments\": {\"city\": \"Rome\", \"near\": {\"street\": \"Via Roma\", \"zip\": \"00100\"}, \"amenities\": [\"wifi\", \"pool\"]}}</tool_call>", "C:search_hotels{\"city\":\"Rome\",\"near\":{\"street\":\"Via Roma\",\"zip\":\"00100\"},\"amenities\":[\"wifi\",\"pool\"]}", Calls),
        new("hermes", "empty block", "<tool_call></tool_call>", "E:invalid_tool_call", null),
        new("hermes", "empty block then prose", "<tool_call>\n</tool_call> Done.", "E:invalid_tool_call|T: Done.", null),
        new("hermes", "list of calls in one block", "<tool_call>[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, {\"name\": \"get_time\", \"arguments\": {}}]</tool_call>", $"{Paris}|{Time}", Calls),
        new("hermes", "list with an item that is not a call", "<tool_call>[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, 42]</tool_call>", $"{Paris}|E:invalid_tool_call", Calls),
        new("hermes", "close tag then more text", "<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>tail", $"{Time}|T:tail", Calls),
        new("hermes", "no close tag, prose after", "<tool_call>{\"name\": \"get_time\", \"arguments\": {}} and then</tool_call>", $"{Time}|T: and then</tool_call>", Calls),
        new("hermes", "not JSON, never closed", "<tool_call>get_weather(city='Paris')", "E:invalid_tool_call", null),
        new("hermes", "list with null", "<tool_call>[null]</tool_call>", "E:invalid_tool_call", null),
        new("hermes", "unclosed call, trailing new line", "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n", Paris, Calls),

        new("hermes", "JSON answer then prose", "{\"answer\": 1} ok", "T:{\"answer\": 1} ok", null),

        // Llama 3 JSON
        new("llama3", "01 prose", "The weather is nice.", "T:The weather is nice.", null),
        new("llama3", "02 one call (bare)", "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}", Paris, Calls),
        new("llama3", "02b one call (python_tag)", "<|python_tag|>{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}", Paris, Calls),
        new("llama3", "03 two calls", "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}; {\"name\": \"get_time\", \"parameters\": {}}", $"{Paris}|{Time}", Calls),
        new("llama3", "03b two calls after tag", "<|python_tag|>{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}};{\"name\": \"get_time\", \"parameters\": {}}", $"{Paris}|{Time}", Calls),
        new("llama3", "04 prose then call", "Let me check.\n<|python_tag|>{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}", $"T:Let me check.\n|{Paris}", Calls),
        new("llama3", "05 call at end of text", "  {\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}\n", Paris, Calls),
        new("llama3", "06 truncated (tag)", "<|python_tag|>{\"name\": \"get_weather\", \"parameters\": {\"ci", "E:truncated_tool_call", Length),
        new("llama3", "06b truncated (bare)", "{\"name\": \"get_weather\", \"parameters\": {\"ci", "E:truncated_tool_call", Length),
        new("llama3", "06c cut JSON prose (bare)", "{\"answer\": \"the weather is", "T:{\"answer\": \"the weather is", null),
        new("llama3", "07 single quotes lenient", "{'name': 'get_weather', 'parameters': {'city': 'Paris'}}", Paris, Calls),
        new("llama3", "07b single quotes strict (tag)", "<|python_tag|>{'name': 'get_weather', 'parameters': {'city': 'Paris'}}", "E:invalid_tool_call", null, Lenient: false),
        new("llama3", "08 string arguments", "{\"name\": \"get_weather\", \"parameters\": \"{\\\"city\\\": \\\"Paris\\\"}\"}", Paris, Calls),
        new("llama3", "09 arguments key", "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}", Paris, Calls),
        new("llama3", "10 undeclared JSON", "{\"name\": \"nope\", \"parameters\": {}}", "T:{\"name\": \"nope\", \"parameters\": {}}", null),
        new("llama3", "10b JSON answer", "{\"temperature\": 15} is the answer", "T:{\"temperature\": 15} is the answer", null),
        new("llama3", "11 code block", CodeBlock, "T:" + CodeBlock, null),
        new("llama3", "12 unknown tool", "<|python_tag|>{\"name\": \"nope\", \"parameters\": {}}", "C:nope{}", Calls),
        new("llama3", "14 near marker", "a <|python> b", "T:a <|python> b", null),
        new("llama3", "15 ends with marker start", "hello <|python_t", "T:hello <|python_t", null),
        new("llama3", "tag then code", "<|python_tag|>print('hi')", "T:print('hi')", null),
        new("llama3", "call then prose", "{\"name\": \"get_time\", \"parameters\": {}} Done.", $"{Time}|T: Done.", Calls),
        new("llama3", "tag then nothing", "Sure. <|python_tag|>  ", "T:Sure. |E:truncated_tool_call", Length),
        new("llama3", "call and separator at the end", "{\"name\": \"get_time\", \"parameters\": {}}; ", Time, Calls),
        new("llama3", "call, separator, prose", "{\"name\": \"get_time\", \"parameters\": {}}; and more", $"{Time}|T: and more", Calls),
        new("llama3", "call, separator, JSON answer", "{\"name\": \"get_time\", \"parameters\": {}}; {\"answer\": 1}", $"{Time}|T: {{\"answer\": 1}}", Calls),
        new("llama3", "call, separator, undeclared", "{\"name\": \"get_time\", \"parameters\": {}}; {\"name\": \"nope\", \"parameters\": {}}", $"{Time}|T: {{\"name\": \"nope\", \"parameters\": {{}}}}", Calls),
        new("llama3", "tag, cut JSON answer", "<|python_tag|>{\"answer\": 1", "E:truncated_tool_call", Length),
        new("llama3", "tag, call, prose", "<|python_tag|>{\"name\": \"get_time\", \"parameters\": {}} Done.", $"{Time}|T: Done.", Calls),
        new("llama3", "tag, call, separator at the end", "<|python_tag|>{\"name\": \"get_time\", \"parameters\": {}}; ", Time, Calls),
        new("llama3", "tag, space, code", "<|python_tag|> print('hi')", "T:print('hi')", null),
        new("llama3", "spaces then JSON answer", "  {\"answer\": 1} ok", "T:{\"answer\": 1} ok", null),
        new("llama3", "own-line call, prose, own-line call", "Sure.\n{\"name\": \"get_time\", \"parameters\": {}}\nthen text\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}", $"T:Sure.\n{{\"name\": \"get_time\", \"parameters\": {{}}}}\nthen text\n|{Paris}", Calls),
        new("llama3", "JSON answer, then a tagged call", "{\"answer\": 1} ok <|python_tag|>{\"name\": \"get_time\", \"parameters\": {}}", $"T:{{\"answer\": 1}} ok |{Time}", Calls),
        new("llama3", "call, new line, prose", "{\"name\": \"get_time\", \"parameters\": {}}\nDone.", $"{Time}|T:\nDone.", Calls),
        new("llama3", "own-line call, then prose", "Sure.\n{\"name\": \"get_time\", \"parameters\": {}}\nmore prose", "T:Sure.\n{\"name\": \"get_time\", \"parameters\": {}}\nmore prose", null),
        new("llama3", "own-line call, then a JSON answer", "Sure.\n{\"name\": \"get_time\", \"parameters\": {}}\n{\"answer\": 1}", "T:Sure.\n{\"name\": \"get_time\", \"parameters\": {}}\n{\"answer\": 1}", null),
        new("llama3", "own-line call, then a cut JSON answer", "Sure.\n{\"name\": \"get_time\", \"parameters\": {}}\n{\"answer\": 1", "T:Sure.\n{\"name\": \"get_time\", \"parameters\": {}}\n{\"answer\": 1", null),
        new("llama3", "own-line call, separator, not JSON", "Sure.\n{\"name\": \"get_time\", \"parameters\": {}}; 42", "T:Sure.\n{\"name\": \"get_time\", \"parameters\": {}}; 42", null),
        new("llama3", "own-line call, then a cut declared call", "Sure.\n{\"name\": \"get_time\", \"parameters\": {}}\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Par", $"T:Sure.\n|{Time}|E:truncated_tool_call", Length),
        new("llama3", "wrapper around a JSON answer", "<tool_call>{\"answer\": 1}</tool_call>", "T:<tool_call>{\"answer\": 1}</tool_call>", null),

        // Mistral
        new("mistral", "01 prose", "The weather is nice.", "T:The weather is nice.", null),
        new("mistral", "02 one call", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]", Paris, Calls),
        new("mistral", "02b one call (bare)", "[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]", Paris, Calls),
        new("mistral", "02c one object", "[TOOL_CALLS] {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}", Paris, Calls),
        new("mistral", "03 two calls", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, {\"name\": \"get_time\", \"arguments\": {}}]", $"{Paris}|{Time}", Calls),
        new("mistral", "04 prose then call", "Let me check. [TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]", $"T:Let me check. |{Paris}", Calls),
        new("mistral", "05 unclosed array", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}", Paris, Calls),
        new("mistral", "06 truncated", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"argu", "E:truncated_tool_call", Length),
        new("mistral", "06b truncated (bare)", "[{\"name\": \"get_weather\", \"argu", "E:truncated_tool_call", Length),
        new("mistral", "07 single quotes lenient", "[TOOL_CALLS] [{'name': 'get_weather', 'arguments': {'city': 'Paris'}}]", Paris, Calls),
        new("mistral", "07b single quotes strict", "[TOOL_CALLS] [{'name': 'get_weather', 'arguments': {'city': 'Paris'}}]", "E:invalid_tool_call", null, Lenient: false),
        new("mistral", "08 string arguments", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": \"{\\\"city\\\": \\\"Paris\\\"}\"}]", Paris, Calls),
        new("mistral", "09 parameters", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}]", Paris, Calls),
        new("mistral", "10 undeclared JSON", "[{\"name\": \"nope\", \"arguments\": {}}]", "T:[{\"name\": \"nope\", \"arguments\": {}}]", null),
        new("mistral", "10b array answer", "[1, 2, 3] are the numbers.", "T:[1, 2, 3] are the numbers.", null),
        new("mistral", "11 code block", CodeBlock, "T:" + CodeBlock, null),
        new("mistral", "12 unknown tool", "[TOOL_CALLS] [{\"name\": \"nope\", \"arguments\": {}}]", "C:nope{}", Calls),
        new("mistral", "14 near marker", "a [TOOL] b", "T:a [TOOL] b", null),
        new("mistral", "15 ends with marker start", "hello [TOOL_CA", "T:hello [TOOL_CA", null),
        new("mistral", "marker then not JSON", "[TOOL_CALLS] hello", "E:invalid_tool_call", null),
        new("mistral", "marker alone", "Sure. [TOOL_CALLS]  ", "T:Sure. |E:truncated_tool_call", Length),
        new("mistral", "one object truncated", "[TOOL_CALLS] {\"name\": \"get_weather\", \"argu", "E:truncated_tool_call", Length),
        new("mistral", "one object, unknown tool", "[TOOL_CALLS] {\"name\": \"nope\", \"arguments\": {}}", "C:nope{}", Calls),
        new("mistral", "one object then prose", "[TOOL_CALLS] {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}} Done.", $"{Paris}|T: Done.", Calls),
        new("mistral", "bracket alone", "[", "T:[", null),
        new("mistral", "bracket and space", "[  ", "T:[  ", null),
        new("mistral", "number array then a call", "[1, 2] first. [TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]", $"T:[1, 2] first. |{Paris}", Calls),
        new("mistral", "cut bare array of objects", "[{\"answer\": 1", "T:[{\"answer\": 1", null),
        new("mistral", "cut bare array of numbers", "[1, 2", "T:[1, 2", null),
        new("mistral", "array with a non-object element", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, 42]", $"{Paris}|T: 42]", Calls),
        new("mistral", "bare array, second call undeclared", "[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, {\"name\": \"nope\", \"arguments\": {}}]", $"{Paris}|C:nope{{}}", Calls),
        new("mistral", "bare array, undeclared first", "[{\"name\": \"nope\", \"arguments\": {}}, {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}] ok", "T:[{\"name\": \"nope\", \"arguments\": {}}, {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}] ok", null),
        new("mistral", "array then prose", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}] Done.", $"{Paris}|T: Done.", Calls),
        new("mistral", "bare array with a space", "[ {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]", Paris, Calls),
        new("mistral", "unclosed array, trailing new line", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n", Paris, Calls),
        new("mistral", "JSON list answer, then a marked call", "[{\"answer\": 1}] ok [TOOL_CALLS] {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}", $"T:[{{\"answer\": 1}}] ok |{Paris}", Calls),
        new("mistral", "marked list with spaces before each element", "[TOOL_CALLS] [ {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, {\"name\": \"get_time\", \"arguments\": {}}]", $"{Paris}|{Time}", Calls),
        new("mistral", "bare array, third call undeclared", "[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, {\"name\": \"get_time\", \"arguments\": {}}, {\"name\": \"nope\", \"arguments\": {}}]", $"{Paris}|{Time}|C:nope{{}}", Calls),

        // Pythonic (NexusRaven)
        new("pythonic", "01 prose", "I cannot answer that.", "T:I cannot answer that.", null),
        new("pythonic", "02/16 one call", "Call: get_weather(city='Seattle')<bot_end>", "C:get_weather{\"city\":\"Seattle\"}", Calls),
        new("pythonic", "03/18 parallel calls, trailing separator", "Call: get_weather(city='Paris'); get_time(); <bot_end>", $"{Paris}|{Time}", Calls),
        new("pythonic", "04 prose then call", "Sure.\nCall: get_weather(city='Paris')<bot_end>", $"T:Sure.\n|{Paris}", Calls),
        new("pythonic", "05 no end marker", "Call: get_weather(city='Paris')", Paris, Calls),
        new("pythonic", "06 truncated", "Call: get_weather(city='Pa", "E:truncated_tool_call", Length),
        new("pythonic", "06b truncated second statement", "Call: get_time(); get_weather(city=", $"{Time}|E:truncated_tool_call", Length),
        new("pythonic", "12 unknown tool", "Call: nope(x=1)<bot_end>", "C:nope{\"x\":1}", Calls),
        new("pythonic", "14b marker word without a call", "Call: me maybe, later.", "T:Call: me maybe, later.", null),
        new("pythonic", "14 near marker", "Recall: that C is a letter", "T:Recall: that C is a letter", null),
        new("pythonic", "15 ends with marker start", "hello\nCal", "T:hello\nCal", null),
        new("pythonic", "19 Thought without bot_end", "Call: get_weather(city='Paris')\nThought: The function call `get_weather(city='Paris')` answers the question.", Paris, Calls),
        new("pythonic", "19b Thought after bot_end", "Call: get_weather(city='Paris')<bot_end>\nThought: done", Paris, Calls),
        new("pythonic", "20 Python literals", "Call: search_hotels(city=\"Rome\", near={'street': 'Via Roma', 'zip': '00100'}, amenities=['wifi', \"pool\"], maxPrice=None, refundable=True)<bot_end>", "C:search_hotels{\"city\":\"Rome\",\"near\":{\"street\":\"Via Roma\",\"zip\":\"00100\"},\"amenities\":[\"wifi\",\"pool\"],\"maxPrice\":null,\"refundable\":true}", Calls),
        new("pythonic", "20b tuple, floats, negative, escapes", "Call: get_weather_data(coordinates=(47.6062, -122.3321))<bot_end>", "C:get_weather_data{\"coordinates\":[47.6062,-122.3321]}", Calls),
        new("pythonic", "20c triple quotes and escapes", "Call: get_weather(city='''New\nYork''', unit=\"it\\'s \\\"x\\\"\")<bot_end>", "C:get_weather{\"city\":\"New\\nYork\",\"unit\":\"it's \\\"x\\\"\"}", Calls),
        new("pythonic", "21 separator inside string", "Call: get_weather(city='a; b'); get_time()<bot_end>", "C:get_weather{\"city\":\"a; b\"}|" + Time, Calls),
        new("pythonic", "22 positional argument", "Call: get_weather('Paris')<bot_end>", Paris, Calls),
        new("pythonic", "22b two positional arguments", "Call: get_weather('Paris', 'kelvin')<bot_end>", "C:get_weather{\"city\":\"Paris\",\"unit\":\"kelvin\"}", Calls),
        new("pythonic", "22c too many positional arguments", "Call: get_weather('Paris', 'kelvin', 3)<bot_end>", "E:invalid_tool_call", null),
        new("pythonic", "23 variable argument", "Call: get_weather(city=y)<bot_end>", "E:invalid_tool_call", null),
        new("pythonic", "23b expression argument", "Call: get_weather(city=1+2)<bot_end>", "E:invalid_tool_call", null),
        new("pythonic", "23c invalid next to valid", "Call: get_weather(city=y); get_time()<bot_end>", "E:invalid_tool_call|" + Time, Calls),
        new("pythonic", "23d f-string", "Call: get_weather(city=f'{x}')<bot_end>", "E:invalid_tool_call", null),
        new("pythonic", "marker alone", "Sure. Call: ", "T:Sure. |E:truncated_tool_call", Length),
        new("pythonic", "call, separator, end", "Call: get_time(); ", Time, Calls),
        new("pythonic", "call then prose", "Call: get_time() and then", Time, Calls),
        new("pythonic", "call, separator, not a call", "Call: get_time(); 42", Time, Calls),
        new("pythonic", "marker then not a call, then a call", "Call: 42 or Call: get_time()", $"T:Call: 42 or |{Time}", Calls),
    ];

    public static TheoryData<string, string> Keys()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in All)
        {
            data.Add(c.Format, c.Name);
        }

        return data;
    }

    public static ParseCase Get(string format, string name) => All.Single(c => c.Format == format && c.Name == name);
}
