using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors;

/// <summary>Produces a model's deterministic output for one task, in the documented v1 shapes.</summary>
public interface ITaskBehavior
{
    /// <summary>Produces the v1 response body (<c>{"output": ...}</c>, or top-level <c>output_png</c>/<c>output_wav</c>/<c>output_mp4</c>).</summary>
    /// <param name="request">The run request.</param>
    /// <returns>The response body.</returns>
    /// <exception cref="EmulatorInputException">The input does not fit the task; the server answers 422 with the message.</exception>
    JsonObject Run(EmulatorRunRequest request);

    /// <summary>Produces the raw text chunks of a stream (text generation and chat only); null when the task cannot stream.</summary>
    /// <param name="request">The run request.</param>
    /// <returns>The chunks, in order; their concatenation is the whole streamed text.</returns>
    IReadOnlyList<string>? Stream(EmulatorRunRequest request);
}
