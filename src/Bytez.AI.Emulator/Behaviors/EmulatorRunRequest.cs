using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors;

/// <summary>A run request as the emulator's task behaviours see it, whichever endpoint it came from.</summary>
/// <param name="Model">The model being run.</param>
/// <param name="Input">The <c>input</c> member (string or message array), or null when the body had none.</param>
/// <param name="Parameters">The <c>params</c> object (never null).</param>
/// <param name="Body">The whole request body, for object inputs merged at the top level (<c>question</c>, <c>context</c>, ...).</param>
/// <param name="Stream">Whether a text stream was asked for.</param>
public sealed record EmulatorRunRequest(EmulatedModel Model, JsonNode? Input, JsonObject Parameters, JsonObject Body, bool Stream);
