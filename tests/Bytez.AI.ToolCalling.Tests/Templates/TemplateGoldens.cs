namespace Bytez.AI.ToolCalling.Tests.Templates;

/// <summary>
/// The official chat templates' own output for the golden conversation (<see cref="ChatTemplateGoldenTests"/>): the
/// template given the tools, the calls (<c>tool_calls</c>) and the results (role <c>tool</c>), as a server renders it
/// for a native tool API. Produced with Jinja2 from each template's source by <c>render_template_goldens.py</c> (same
/// environment as transformers' <c>apply_chat_template</c>); the source of each is named on it.
/// </summary>
internal static class TemplateGoldens
{
    /// <summary>Qwen/Qwen2.5-7B-Instruct and Qwen/Qwen3 (llama.cpp models/templates/Qwen-Qwen2.5-7B-Instruct.jinja, Qwen-Qwen3-0.6B.jinja: the same output when the conversation has a system message and no reasoning)</summary>
    public const string Qwen =
        "<|im_start|>system\n" +
        "Be brief.\n" +
        "\n" +
        "# Tools\n" +
        "\n" +
        "You may call one or more functions to assist with the user query.\n" +
        "\n" +
        "You are provided with function signatures within <tools></tools> XML tags:\n" +
        "<tools>\n" +
        "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Gets the current weather of a city.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"description\": \"The city.\", \"type\": \"string\"}, \"unit\": {\"description\": \"Temperature unit.\", \"type\": \"string\", \"default\": \"celsius\"}}, \"required\": [\"city\"]}}}\n" +
        "{\"type\": \"function\", \"function\": {\"name\": \"get_time\", \"description\": \"Gets the current time.\", \"parameters\": {\"type\": \"object\", \"properties\": {}}}}\n" +
        "</tools>\n" +
        "\n" +
        "For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n" +
        "<tool_call>\n" +
        "{\"name\": <function-name>, \"arguments\": <args-json-object>}\n" +
        "</tool_call><|im_end|>\n" +
        "<|im_start|>user\n" +
        "Weather and time in Paris?<|im_end|>\n" +
        "<|im_start|>assistant\n" +
        "Checking.\n" +
        "<tool_call>\n" +
        "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n" +
        "</tool_call>\n" +
        "<tool_call>\n" +
        "{\"name\": \"get_time\", \"arguments\": {}}\n" +
        "</tool_call><|im_end|>\n" +
        "<|im_start|>user\n" +
        "<tool_response>\n" +
        "15 celsius in Paris\n" +
        "</tool_response>\n" +
        "<tool_response>\n" +
        "Error: clock is broken\n" +
        "</tool_response><|im_end|>\n" +
        "<|im_start|>assistant\n";

    /// <summary>Qwen/Qwen2.5-7B-Instruct, no system message</summary>
    public const string Qwen25NoSystem =
        "<|im_start|>system\n" +
        "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.\n" +
        "\n" +
        "# Tools\n" +
        "\n" +
        "You may call one or more functions to assist with the user query.\n" +
        "\n" +
        "You are provided with function signatures within <tools></tools> XML tags:\n" +
        "<tools>\n" +
        "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Gets the current weather of a city.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"description\": \"The city.\", \"type\": \"string\"}, \"unit\": {\"description\": \"Temperature unit.\", \"type\": \"string\", \"default\": \"celsius\"}}, \"required\": [\"city\"]}}}\n" +
        "{\"type\": \"function\", \"function\": {\"name\": \"get_time\", \"description\": \"Gets the current time.\", \"parameters\": {\"type\": \"object\", \"properties\": {}}}}\n" +
        "</tools>\n" +
        "\n" +
        "For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n" +
        "<tool_call>\n" +
        "{\"name\": <function-name>, \"arguments\": <args-json-object>}\n" +
        "</tool_call><|im_end|>\n" +
        "<|im_start|>user\n" +
        "Weather and time in Paris?<|im_end|>\n" +
        "<|im_start|>assistant\n" +
        "Checking.\n" +
        "<tool_call>\n" +
        "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n" +
        "</tool_call>\n" +
        "<tool_call>\n" +
        "{\"name\": \"get_time\", \"arguments\": {}}\n" +
        "</tool_call><|im_end|>\n" +
        "<|im_start|>user\n" +
        "<tool_response>\n" +
        "15 celsius in Paris\n" +
        "</tool_response>\n" +
        "<tool_response>\n" +
        "Error: clock is broken\n" +
        "</tool_response><|im_end|>\n" +
        "<|im_start|>assistant\n";

    /// <summary>Qwen/Qwen3, no system message, reasoning on the call message</summary>
    public const string Qwen3NoSystemWithReasoning =
        "<|im_start|>system\n" +
        "# Tools\n" +
        "\n" +
        "You may call one or more functions to assist with the user query.\n" +
        "\n" +
        "You are provided with function signatures within <tools></tools> XML tags:\n" +
        "<tools>\n" +
        "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Gets the current weather of a city.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"description\": \"The city.\", \"type\": \"string\"}, \"unit\": {\"description\": \"Temperature unit.\", \"type\": \"string\", \"default\": \"celsius\"}}, \"required\": [\"city\"]}}}\n" +
        "{\"type\": \"function\", \"function\": {\"name\": \"get_time\", \"description\": \"Gets the current time.\", \"parameters\": {\"type\": \"object\", \"properties\": {}}}}\n" +
        "</tools>\n" +
        "\n" +
        "For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n" +
        "<tool_call>\n" +
        "{\"name\": <function-name>, \"arguments\": <args-json-object>}\n" +
        "</tool_call><|im_end|>\n" +
        "<|im_start|>user\n" +
        "Weather and time in Paris?<|im_end|>\n" +
        "<|im_start|>assistant\n" +
        "<think>\n" +
        "I need the weather and the time.\n" +
        "</think>\n" +
        "\n" +
        "Checking.\n" +
        "<tool_call>\n" +
        "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n" +
        "</tool_call>\n" +
        "<tool_call>\n" +
        "{\"name\": \"get_time\", \"arguments\": {}}\n" +
        "</tool_call><|im_end|>\n" +
        "<|im_start|>user\n" +
        "<tool_response>\n" +
        "15 celsius in Paris\n" +
        "</tool_response>\n" +
        "<tool_response>\n" +
        "Error: clock is broken\n" +
        "</tool_response><|im_end|>\n" +
        "<|im_start|>assistant\n";

    /// <summary>NousResearch Hermes-2-Pro-Llama-3-8B and Hermes-3-Llama-3.1-8B tool_use (the same template)</summary>
    public const string HermesToolUse =
        "<|begin_of_text|><|im_start|>system\n" +
        "You are a function calling AI model. You are provided with function signatures within <tools></tools> XML tags. You may call one or more functions to assist with the user query. Don't make assumptions about what values to plug into functions. Here are the available tools: <tools> {\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"get_weather(city: str, unit: str) - Gets the current weather of a city.\n" +
        "\n" +
        "    Args:\n" +
        "        city(str): The city.        unit(str): Temperature unit.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"description\": \"The city.\", \"type\": \"string\"}, \"unit\": {\"description\": \"Temperature unit.\", \"type\": \"string\", \"default\": \"celsius\"}}, \"required\": [\"city\"]}}\n" +
        "{\"type\": \"function\", \"function\": {\"name\": \"get_time\", \"description\": \"get_time() - Gets the current time.\n" +
        "\n" +
        "\", \"parameters\": {}} </tools>Use the following pydantic model json schema for each tool call you will make: {\"properties\": {\"name\": {\"title\": \"Name\", \"type\": \"string\"}, \"arguments\": {\"title\": \"Arguments\", \"type\": \"object\"}}, \"required\": [\"name\", \"arguments\"], \"title\": \"FunctionCall\", \"type\": \"object\"}}\n" +
        "For each function call return a json object with function name and arguments within <tool_call></tool_call> XML tags as follows:\n" +
        "<tool_call>\n" +
        "{\"name\": <function-name>, \"arguments\": <args-dict>}\n" +
        "</tool_call><|im_end|>\n" +
        "<|im_start|>system\n" +
        "Be brief.<|im_end|>\n" +
        "<|im_start|>user\n" +
        "Weather and time in Paris?<|im_end|>\n" +
        "<|im_start|>assistant\n" +
        "<tool_call>\n" +
        "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n" +
        "</tool_call>\n" +
        "<tool_call>\n" +
        "{\"name\": \"get_time\", \"arguments\": {}}\n" +
        "</tool_call><|im_end|>\n" +
        "<|im_start|>tool\n" +
        "<tool_response>\n" +
        "15 celsius in Paris\n" +
        "</tool_response>\n" +
        "<tool_response>\n" +
        "Error: clock is broken\n" +
        "</tool_response><|im_end|><|im_start|>assistant\n";

    /// <summary>meta-llama/Llama-3.1-8B-Instruct and Llama-3.2-3B-Instruct (llama.cpp models/templates/meta-llama-Llama-3.1-8B-Instruct.jinja, meta-llama-Llama-3.2-3B-Instruct.jinja: they differ in built-in tools and the date only, both fixed here)</summary>
    public const string Llama3 =
        "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n" +
        "\n" +
        "Environment: ipython\n" +
        "Cutting Knowledge Date: December 2023\n" +
        "Today Date: 26 Jul 2024\n" +
        "\n" +
        "Be brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n" +
        "\n" +
        "Given the following functions, please respond with a JSON for a function call with its proper arguments that best answers the given prompt.\n" +
        "\n" +
        "Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.Do not use variables.\n" +
        "\n" +
        "{\n" +
        "    \"type\": \"function\",\n" +
        "    \"function\": {\n" +
        "        \"name\": \"get_weather\",\n" +
        "        \"description\": \"Gets the current weather of a city.\",\n" +
        "        \"parameters\": {\n" +
        "            \"type\": \"object\",\n" +
        "            \"properties\": {\n" +
        "                \"city\": {\n" +
        "                    \"description\": \"The city.\",\n" +
        "                    \"type\": \"string\"\n" +
        "                },\n" +
        "                \"unit\": {\n" +
        "                    \"description\": \"Temperature unit.\",\n" +
        "                    \"type\": \"string\",\n" +
        "                    \"default\": \"celsius\"\n" +
        "                }\n" +
        "            },\n" +
        "            \"required\": [\n" +
        "                \"city\"\n" +
        "            ]\n" +
        "        }\n" +
        "    }\n" +
        "}\n" +
        "\n" +
        "{\n" +
        "    \"type\": \"function\",\n" +
        "    \"function\": {\n" +
        "        \"name\": \"get_time\",\n" +
        "        \"description\": \"Gets the current time.\",\n" +
        "        \"parameters\": {\n" +
        "            \"type\": \"object\",\n" +
        "            \"properties\": {}\n" +
        "        }\n" +
        "    }\n" +
        "}\n" +
        "\n" +
        "Weather and time in Paris?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n" +
        "\n" +
        "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}<|eot_id|><|start_header_id|>ipython<|end_header_id|>\n" +
        "\n" +
        "\"15 celsius in Paris\"<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n" +
        "\n";

    /// <summary>mistralai/Mistral-7B-Instruct-v0.3 tokenizer_config.json chat_template</summary>
    public const string MistralV03 =
        "<s>[AVAILABLE_TOOLS] [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Gets the current weather of a city.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"description\": \"The city.\", \"type\": \"string\"}, \"unit\": {\"description\": \"Temperature unit.\", \"type\": \"string\", \"default\": \"celsius\"}}, \"required\": [\"city\"]}}}, {\"type\": \"function\", \"function\": {\"name\": \"get_time\", \"description\": \"Gets the current time.\", \"parameters\": {\"type\": \"object\", \"properties\": {}}}}][/AVAILABLE_TOOLS][INST] Be brief.\n" +
        "\n" +
        "Weather and time in Paris?[/INST][TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}, \"id\": \"abcDEF123\"}, {\"name\": \"get_time\", \"arguments\": {}, \"id\": \"xyz789QRS\"}]</s>[TOOL_RESULTS] {\"content\": 15 celsius in Paris, \"call_id\": \"abcDEF123\"}[/TOOL_RESULTS][TOOL_RESULTS] {\"content\": Error: clock is broken, \"call_id\": \"xyz789QRS\"}[/TOOL_RESULTS]";

    /// <summary>mistralai/Mistral-Nemo-Instruct-2407 (llama.cpp models/templates/mistralai-Mistral-Nemo-Instruct-2407.jinja)</summary>
    public const string MistralNemo =
        "<s>[AVAILABLE_TOOLS][{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Gets the current weather of a city.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"description\": \"The city.\", \"type\": \"string\"}, \"unit\": {\"description\": \"Temperature unit.\", \"type\": \"string\", \"default\": \"celsius\"}}, \"required\": [\"city\"]}}}, {\"type\": \"function\", \"function\": {\"name\": \"get_time\", \"description\": \"Gets the current time.\", \"parameters\": {\"type\": \"object\", \"properties\": {}}}}][/AVAILABLE_TOOLS][INST]Weather and time in Paris?[/INST][TOOL_CALLS][{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}, \"id\": \"abcDEF123\"}, {\"name\": \"get_time\", \"arguments\": {}, \"id\": \"xyz789QRS\"}]</s>[TOOL_RESULTS]{\"content\": 15 celsius in Paris, \"call_id\": \"abcDEF123\"}[/TOOL_RESULTS][TOOL_RESULTS]{\"content\": Error: clock is broken, \"call_id\": \"xyz789QRS\"}[/TOOL_RESULTS]";
}
