namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>An OpenAI-compatible request the emulator refuses with HTTP 400 and an OpenAI error (<c>invalid_request_error</c>).</summary>
/// <param name="message">What is wrong, for the error's <c>message</c>.</param>
/// <param name="parameter">The request member at fault, for the error's <c>param</c>.</param>
internal sealed class OpenAIRequestException(string message, string parameter) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
