"""Prints the chat templates' own output for the golden conversations as C# constants (TemplateGoldens.cs).

The templates are not in this repository. Get them from the model repositories (tokenizer_config.json "chat_template",
or chat_template.jinja) or from llama.cpp's models/templates/, put them in one directory under the names below, and run:

    python3 render_template_goldens.py <template-dir> > TemplateGoldens.generated.txt

The environment is the one transformers' apply_chat_template uses (ImmutableSandboxedEnvironment, trim_blocks,
lstrip_blocks, loopcontrols, a tojson that keeps non-ASCII text), with a fixed date for Llama 3.2's strftime_now.
"""
import json
import sys

from jinja2.exceptions import TemplateError
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def raise_exception(message):
    raise TemplateError(message)


ENV = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
ENV.filters["tojson"] = tojson
ENV.globals["raise_exception"] = raise_exception
ENV.globals["strftime_now"] = lambda fmt: "26 Jul 2024"

TOOLS = [
    {"type": "function", "function": {"name": "get_weather", "description": "Gets the current weather of a city.",
     "parameters": {"type": "object", "properties": {
         "city": {"description": "The city.", "type": "string"},
         "unit": {"description": "Temperature unit.", "type": "string", "default": "celsius"}}, "required": ["city"]}}},
    {"type": "function", "function": {"name": "get_time", "description": "Gets the current time.",
     "parameters": {"type": "object", "properties": {}}}},
]


def conversation(system=True, two_calls=True, reasoning=None):
    messages = [{"role": "system", "content": "Be brief."}] if system else []
    messages.append({"role": "user", "content": "Weather and time in Paris?"})
    calls = [{"id": "abcDEF123", "type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]
    if two_calls:
        calls.append({"id": "xyz789QRS", "type": "function", "function": {"name": "get_time", "arguments": {}}})
    assistant = {"role": "assistant", "content": "Checking.", "tool_calls": calls}
    if reasoning:
        assistant["reasoning_content"] = reasoning
    messages.append(assistant)
    messages.append({"role": "tool", "tool_call_id": "abcDEF123", "name": "get_weather", "content": "15 celsius in Paris"})
    if two_calls:
        messages.append({"role": "tool", "tool_call_id": "xyz789QRS", "name": "get_time", "content": "Error: clock is broken"})
    return messages


def render(directory, name, messages, bos="", eos=""):
    template = ENV.from_string(open(f"{directory}/{name}", encoding="utf-8").read())
    return template.render(messages=messages, tools=TOOLS, bos_token=bos, eos_token=eos, add_generation_prompt=True)


def same(first, second):
    assert first == second, "the two templates differ: give each its own golden"
    return first


def csharp(name, source, text):
    lines = text.split("\n")
    parts = [json.dumps(line + "\n", ensure_ascii=False) for line in lines[:-1]] + [json.dumps(lines[-1], ensure_ascii=False)]
    body = " +\n        ".join(p for p in parts if p != '""')
    print(f"    /// <summary>{source}</summary>\n    public const string {name} =\n        {body};\n")


def main(directory):
    goldens = [
        ("Qwen", "Qwen/Qwen2.5-7B-Instruct and Qwen/Qwen3 (llama.cpp models/templates/Qwen-Qwen2.5-7B-Instruct.jinja, Qwen-Qwen3-0.6B.jinja: "
         "the same output when the conversation has a system message and no reasoning)",
         same(render(directory, "Qwen-Qwen2.5-7B-Instruct.jinja", conversation()), render(directory, "Qwen-Qwen3-0.6B.jinja", conversation()))),
        ("Qwen25NoSystem", "Qwen/Qwen2.5-7B-Instruct, no system message",
         render(directory, "Qwen-Qwen2.5-7B-Instruct.jinja", conversation(system=False))),
        ("Qwen3NoSystemWithReasoning", "Qwen/Qwen3, no system message, reasoning on the call message",
         render(directory, "Qwen-Qwen3-0.6B.jinja", conversation(system=False, reasoning="I need the weather and the time."))),
        ("HermesToolUse", "NousResearch Hermes-2-Pro-Llama-3-8B and Hermes-3-Llama-3.1-8B tool_use (the same template)",
         same(render(directory, "NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use.jinja", conversation(), bos="<|begin_of_text|>"),
              render(directory, "NousResearch-Hermes-3-Llama-3.1-8B-tool_use.jinja", conversation(), bos="<|begin_of_text|>"))),
        ("Llama3", "meta-llama/Llama-3.1-8B-Instruct and Llama-3.2-3B-Instruct (llama.cpp models/templates/meta-llama-Llama-3.1-8B-Instruct.jinja, "
         "meta-llama-Llama-3.2-3B-Instruct.jinja: they differ in built-in tools and the date only, both fixed here)",
         same(render(directory, "meta-llama-Llama-3.1-8B-Instruct.jinja", conversation(two_calls=False), bos="<|begin_of_text|>"),
              render(directory, "meta-llama-Llama-3.2-3B-Instruct.jinja", conversation(two_calls=False), bos="<|begin_of_text|>"))),
        ("MistralV03", "mistralai/Mistral-7B-Instruct-v0.3 tokenizer_config.json chat_template",
         render(directory, "mistralai-Mistral-7B-Instruct-v0.3.jinja", conversation(), bos="<s>", eos="</s>")),
        ("MistralNemo", "mistralai/Mistral-Nemo-Instruct-2407 (llama.cpp models/templates/mistralai-Mistral-Nemo-Instruct-2407.jinja)",
         render(directory, "mistralai-Mistral-Nemo-Instruct-2407.jinja", conversation(), bos="<s>", eos="</s>")),
    ]
    for name, source, text in goldens:
        csharp(name, source, text)


if __name__ == "__main__":
    main(sys.argv[1])
