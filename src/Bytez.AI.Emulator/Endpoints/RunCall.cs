using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.Emulator.Endpoints.OpenAI;
using Bytez.AI.Emulator.Lifecycle;
using Microsoft.AspNetCore.Http;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>One run to answer, whichever endpoint it came from.</summary>
/// <param name="Http">The HTTP exchange.</param>
/// <param name="Surface">The API it came through.</param>
/// <param name="Request">The behaviour-facing request.</param>
/// <param name="Instance">The v1 instance serving it (its concurrency gate applies); null for serverless v2 and OpenAI calls.</param>
/// <param name="JsonOutput">False when a v2 caller asked for raw media bytes (<c>"json": false</c>).</param>
/// <param name="OpenAI">The OpenAI-compatible request (endpoint, tools, response format), for OpenAI answers.</param>
internal sealed record RunCall(HttpContext Http, RunSurface Surface, EmulatorRunRequest Request, ModelInstance? Instance, bool JsonOutput = true, OpenAIRequest? OpenAI = null)
{
    public EmulatedModel Model => Request.Model;

    public bool IsChat => Request.Input is JsonArray;
}
