using System.ClientModel;
using System.ClientModel.Primitives;
using Bytez.AI.Http;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Bytez.AI.OpenAICompatible;

/// <summary>
/// One model on Bytez's OpenAI-compatible endpoint: the official SDK's <see cref="ChatClient"/> pointed at
/// <c>{Endpoint}models/v2/openai/v1</c> with the Bytez key, and Microsoft.Extensions.AI's <see cref="IChatClient"/> over it.
/// The one place the SDK is configured: Bytez's <see cref="HttpClient"/> (one retry layer, its timeout), the SDK's retries
/// and network timeout off, the <c>provider-key</c> header when one is configured for the model.
/// </summary>
internal sealed class OpenAIModelClient
{
    private OpenAIModelClient(BytezModel model, ChatClient sdk)
    {
        Model = model;
        Sdk = sdk;
        Chat = sdk.AsIChatClient();
    }

    /// <summary>Gets the Bytez model the calls run.</summary>
    public BytezModel Model { get; }

    /// <summary>Gets the official SDK's chat client (<c>GetService(typeof(ChatClient))</c>).</summary>
    public ChatClient Sdk { get; }

    /// <summary>Gets Microsoft.Extensions.AI's OpenAI chat client over <see cref="Sdk"/>.</summary>
    public IChatClient Chat { get; }

    /// <summary>Creates the SDK client for a model of a v2 client.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The clients.</returns>
    public static OpenAIModelClient Create(BytezModel model)
    {
        BytezClient client = model.Client;
        BytezTransport transport = client.Transport;
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(client.Endpoint, client.Protocol.OpenAICompatiblePath()),
            Transport = new BytezPipelineTransport(transport.HttpClient, transport.MaxResponseSize),

            // One retry layer: BytezRetryHandler in Bytez's HttpClient (or none, as with every call through an HttpClient
            // the caller supplied without it). The SDK would otherwise retry too.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),

            // Bytez's HttpClient.Timeout (BytezClientOptions.RequestTimeout, 15 minutes by default: a cold model takes
            // minutes) bounds each call; the SDK's 100-second default would cut a cold start short.
            NetworkTimeout = Timeout.InfiniteTimeSpan,
            UserAgentApplicationId = BytezTransport.UserAgent,
        };

        if (client.Protocol.ProviderKey(model.ModelId) is { } providerKey)
        {
            options.AddPolicy(new ProviderKeyPolicy(providerKey), PipelinePosition.PerCall);
        }

        var sdk = new ChatClient(model.ModelId, new ApiKeyCredential(client.Options.ApiKey!), options);
        return new OpenAIModelClient(model, sdk);
    }
}
