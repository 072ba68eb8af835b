using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Mapping;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Bytez.AI.OpenAICompatible;

/// <summary>
/// Carries <see cref="ChatOptions.AdditionalProperties"/> into the request body, as the native route carries them into
/// <c>params</c>: Microsoft.Extensions.AI.OpenAI reads <see cref="ChatOptions.RawRepresentationFactory"/> first and the typed
/// options after it, but drops additional properties. Each one becomes a top-level member of the request
/// (<c>logprobs</c>, <c>top_logprobs</c>, <c>user</c>, <c>service_tier</c>, a provider's own parameter, ...) unless the raw
/// representation or a typed option already sets that member.
/// </summary>
internal static class OpenAIRequestOptions
{
    /// <summary>Members the SDK writes itself (from the messages, the stream flag and the bound model): never replaced.</summary>
    private static readonly HashSet<string> SdkOwned = new(StringComparer.Ordinal) { "model", "messages", "stream", "stream_options" };

    /// <summary>
    /// The options to hand to Microsoft.Extensions.AI.OpenAI: the caller's, or a copy whose raw representation also
    /// carries the additional properties.
    /// </summary>
    /// <param name="options">The caller's options; may be null.</param>
    /// <returns>The options to send.</returns>
    public static ChatOptions? Prepare(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { Count: > 0 } additional)
        {
            return options;
        }

        List<(string Name, byte[] Json)> members = [];
        foreach (KeyValuePair<string, object?> property in additional)
        {
            // "strict" is Microsoft.Extensions.AI.OpenAI's own switch for strict JSON schemas, not a request member.
            if (property.Key == "strict" || SdkOwned.Contains(property.Key) || SetByTypedOption(options, property.Key) || !IsMemberName(property.Key))
            {
                continue;
            }

            JsonNode? node = BytezParameters.ToJsonNode(property.Value);
            members.Add((property.Key, Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null")));
        }

        if (members.Count == 0)
        {
            return options;
        }

        ChatOptions copy = options.Clone();
        Func<IChatClient, object?>? callerFactory = options.RawRepresentationFactory;
        copy.RawRepresentationFactory = client =>
        {
            var request = callerFactory?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
            foreach ((string name, byte[] json) in members)
            {
#pragma warning disable SCME0001 // JsonPatch is System.ClientModel's (experimental) way to add request members the SDK has no property for; Microsoft.Extensions.AI.OpenAI uses it for the model id too.
                byte[] path = Encoding.UTF8.GetBytes("$." + name);
                if (!request.Patch.Contains(path))
                {
                    request.Patch.Set(path, json);
                }
#pragma warning restore SCME0001
            }

            return request;
        };
        return copy;
    }

    /// <summary>Whether a typed option the caller set already becomes this member.</summary>
    private static bool SetByTypedOption(ChatOptions options, string name) => name switch
    {
        "temperature" => options.Temperature is not null,
        "top_p" => options.TopP is not null,
        "max_tokens" or "max_completion_tokens" => options.MaxOutputTokens is not null,
        "frequency_penalty" => options.FrequencyPenalty is not null,
        "presence_penalty" => options.PresencePenalty is not null,
        "seed" => options.Seed is not null,
        "stop" => options.StopSequences is { Count: > 0 },
        "tools" or "tool_choice" or "parallel_tool_calls" => options.Tools is { Count: > 0 },
        "response_format" => options.ResponseFormat is not null,
        "reasoning_effort" => options.Reasoning is not null,
        _ => false,
    };

    /// <summary>A name usable in a <c>$.name</c> path: letters, digits, underscores and dashes.</summary>
    private static bool IsMemberName(string name) =>
        name.Length > 0 && name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
