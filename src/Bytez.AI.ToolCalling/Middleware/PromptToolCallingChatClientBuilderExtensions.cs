using Bytez.AI.ToolCalling;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="PromptToolCallingChatClient"/> to a chat pipeline.</summary>
public static class PromptToolCallingChatClientBuilderExtensions
{
    /// <summary>
    /// Adds prompt-based tool calling: tools and results are written into the prompt in the model's format and the
    /// model's text is parsed back into function calls. Put it under <c>UseFunctionInvocation()</c>, which runs the calls:
    /// <c>new ChatClientBuilder(ollama).UseFunctionInvocation().UsePromptToolCalling().Build()</c>.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="format">The format; null picks one per request by model id (<see cref="ToolCallFormats.ForModel"/>).</param>
    /// <param name="configure">Configures the client further; may be null.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ChatClientBuilder UsePromptToolCalling(
        this ChatClientBuilder builder, ToolCallFormat? format = null, Action<PromptToolCallingChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(innerClient =>
        {
            var client = new PromptToolCallingChatClient(innerClient, format);
            configure?.Invoke(client);
            return client;
        });
    }
}
