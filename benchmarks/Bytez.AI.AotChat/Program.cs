using Bytez.AI;
using Microsoft.Extensions.AI;

// Chats with a Bytez model through the M.E.AI IChatClient: one answer, then one streamed answer. An open model runs
// natively; a closed-source one (openai/gpt-4o) goes through the OpenAI-compatible route (OpenAI SDK), under AOT too.
// Usage: Bytez.AI.AotChat <endpoint> [model]   (for example http://127.0.0.1:5123/ against the standalone emulator)
if (args.Length is < 1 or > 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var endpoint))
{
    Console.Error.WriteLine("Usage: Bytez.AI.AotChat <endpoint> [model]");
    return 2;
}

var modelId = args.Length > 1 ? args[1] : "microsoft/Phi-3-mini-4k-instruct";
var apiKey = Environment.GetEnvironmentVariable("BYTEZ_KEY") is { Length: > 0 } key ? key : "aot-sample-key";
using var client = new BytezClient(new BytezClientOptions { Endpoint = endpoint, ApiKey = apiKey, LoadPollInterval = TimeSpan.FromMilliseconds(50) });
var chat = client.GetModel(modelId).AsIChatClient();
try
{
    var response = await chat.GetResponseAsync("What is the capital of France?");
    // Token usage comes only from the OpenAI-compatible route (closed-source ids such as openai/gpt-4o).
    string usage = response.Usage?.TotalTokenCount is long tokens ? $"{tokens} tokens" : "no usage";
    Console.WriteLine($"[{response.ModelId}] {response.Text} ({usage})");

    Console.Write("[stream] ");
    var updates = 0;
    await foreach (var update in chat.GetStreamingResponseAsync("Tell me about the sea."))
    {
        Console.Write(update.Text);
        updates++;
    }

    Console.WriteLine();
    Console.WriteLine($"{updates} streamed updates; finished.");
    return response.Text.Length > 0 && updates > 0 ? 0 : 1;
}
finally
{
    // Stops the instance this client started.
    if (chat is IAsyncDisposable disposable)
    {
        await disposable.DisposeAsync();
    }
}
