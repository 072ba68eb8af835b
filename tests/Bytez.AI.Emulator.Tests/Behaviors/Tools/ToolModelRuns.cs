using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.ToolCalling;

namespace Bytez.AI.Emulator.Tests.Behaviors.Tools;

/// <summary>Runs prompts rendered by the client's own formats through the emulated tool models (<see cref="ToolModels"/>) in process.</summary>
internal static class ToolModelRuns
{
    /// <summary>The v1 input for a rendered prompt: the raw string, or the message array.</summary>
    public static JsonNode Input(ToolPrompt prompt) => prompt.IsRawPrompt
        ? JsonValue.Create(prompt.Prompt!)
        : new JsonArray([.. prompt.Messages!.Select(static m => (JsonNode)new JsonObject { ["role"] = m.Role, ["content"] = m.Content })]);

    /// <summary>The model's generated text (for raw prompts without the echoed prompt).</summary>
    public static string Generate(string modelId, ToolPrompt prompt, bool sendStops = false, string? paramsJson = null)
    {
        JsonObject output = (JsonObject)Emulate.Run(Request(modelId, prompt, sendStops, paramsJson))["output"]![0]!;
        if (prompt.IsRawPrompt)
        {
            string text = output["generated_text"]!.GetValue<string>();
            Assert.StartsWith(prompt.Prompt!, text, StringComparison.Ordinal);
            return text[prompt.Prompt!.Length..];
        }

        JsonArray conversation = output["generated_text"]!.AsArray();
        Assert.Equal(prompt.Messages!.Count + 1, conversation.Count);
        Assert.Equal("assistant", conversation[^1]!["role"]!.GetValue<string>());
        return conversation[^1]!["content"]!.GetValue<string>();
    }

    /// <summary>The stream chunks; for raw prompts they start with the echoed prompt.</summary>
    public static IReadOnlyList<string> Stream(string modelId, ToolPrompt prompt, bool sendStops = false)
    {
        EmulatorRunRequest request = Request(modelId, prompt, sendStops, null) with { Stream = true };
        return TaskBehaviors.For(request.Model).Stream(request)!;
    }

    /// <summary>The streamed generated text: the chunks after the echoed prompt (which ends on a chunk boundary).</summary>
    public static List<string> GeneratedChunks(ToolPrompt prompt, IReadOnlyList<string> chunks)
    {
        if (!prompt.IsRawPrompt)
        {
            return [.. chunks];
        }

        var generated = new List<string>();
        int length = 0;
        foreach (string chunk in chunks)
        {
            if (length >= prompt.Prompt!.Length)
            {
                generated.Add(chunk);
            }

            length += chunk.Length;
        }

        return generated;
    }

    private static EmulatorRunRequest Request(string modelId, ToolPrompt prompt, bool sendStops, string? paramsJson)
    {
        var parameters = paramsJson is null ? new JsonObject() : (JsonObject)JsonNode.Parse(paramsJson)!;
        if (sendStops && prompt.StopSequences.Count > 0)
        {
            parameters["stop"] = new JsonArray([.. prompt.StopSequences.Select(static s => (JsonNode)JsonValue.Create(s))]);
        }

        return Emulate.Input(modelId, Input(prompt), parameters.ToJsonString());
    }
}
