using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests;

/// <summary>A fixed test behaviour (echoes text), so these tests do not depend on the shipped per-task behaviours.</summary>
internal sealed class EchoBehavior : ITaskBehavior
{
    private static readonly EchoBehavior Instance = new();

    /// <summary>Gets the behaviour for a model.</summary>
    public static ITaskBehavior For(EmulatedModel model) => Instance;

    /// <inheritdoc />
    public JsonObject Run(EmulatorRunRequest request)
    {
        var text = Reply(request);
        return request.Model.Task switch
        {
            "text-to-image" or "unconditional-image-generation" => new JsonObject { ["output_png"] = Png1x1 },
            "text-to-speech" or "text-to-audio" => new JsonObject { ["output_wav"] = Wav },
            "automatic-speech-recognition" => new JsonObject { ["output"] = new JsonObject { ["text"] = "GO DO YOU HEAR" } },
            "summarization" => new JsonObject { ["output"] = new JsonArray(new JsonObject { ["summary_text"] = text }) },
            "feature-extraction" => new JsonObject { ["output"] = new JsonArray(new JsonArray(0.6, 0.8)) },
            "sentence-similarity" => new JsonObject { ["output"] = new JsonArray(0.6, 0.8) },
            _ when request.Input is JsonArray messages => new JsonObject
            {
                ["output"] = new JsonArray(new JsonObject
                {
                    ["generated_text"] = new JsonArray([.. messages.Select(m => m?.DeepClone()), new JsonObject { ["role"] = "assistant", ["content"] = text }]),
                }),
            },
            "text-generation" => new JsonObject { ["output"] = new JsonArray(new JsonObject { ["generated_text"] = Prompt(request) + text }) },
            _ => new JsonObject { ["output"] = text },
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<string>? Stream(EmulatorRunRequest request)
    {
        if (request.Model.Task is not ("text-generation" or "chat"))
        {
            return null;
        }

        var text = request.Input is JsonArray ? Reply(request) : Prompt(request) + Reply(request);
        return text.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList();
    }

    private static string Prompt(EmulatorRunRequest request) => request.Input is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty;

    private static string Reply(EmulatorRunRequest request)
    {
        if (request.Input is JsonArray messages && messages.LastOrDefault() is JsonObject last)
        {
            var content = last["content"];
            var said = content is JsonValue cv && cv.TryGetValue(out string? s) ? s : content?.ToJsonString();
            return "You said: " + said;
        }

        return " and then the emulator answered.";
    }

    private const string Png1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4z8DwHwAFAAH/VscvDQAAAABJRU5ErkJggg==";
    private const string Wav = "UklGRjQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YRAAAAAAAAAAAAAAAAAAAAAAAAAA";
}
