using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Emulator.Tests.Behaviors;

/// <summary>
/// Asked for JSON, an emulated chat model answers JSON on the native routes too (v1 <c>model/run</c>, v2
/// <c>models/v2/{id}</c>): the Bytez chat client puts a JSON-schema response format into the system message, and the
/// model fills the schema from the question, so <c>GetResponseAsync&lt;T&gt;</c> works offline without a script.
/// </summary>
public sealed class JsonAnswerTests
{
    private const string Llama = "meta-llama/Llama-3.1-8B-Instruct";
    private const string Phi = "microsoft/Phi-3-mini-4k-instruct";

    [Theory]
    [BothApiVersions(Llama)]
    [BothApiVersions(Phi)]
    public async Task GetResponseAsync_of_a_record_returns_it_filled_from_the_question(BytezApiVersion api, string modelId)
    {
        await using var emulator = await EmulatorFixture.StartAsync(api);
        using IChatClient chat = emulator.CreateChat(modelId);

        ChatResponse<TripRequest> response = await chat.GetResponseAsync<TripRequest>("Book me a trip to Lisbon for 4 nights with 2 guests.");

        Assert.Equal("Lisbon", response.Result.City);
        Assert.Equal(4, response.Result.Nights);
        Assert.Equal(2, response.Result.Guests);

        // It went over the native route (not the OpenAI-compatible endpoint), with the schema in the system message.
        Assert.Equal(1, emulator.Log.Count(emulator.RunKind, modelId));
        Assert.Equal(0, emulator.Log.Count(EmulatorRequestKind.OpenAIChat));
        Assert.Contains("JSON schema", emulator.Log.Entries.Single(e => e.Kind == emulator.RunKind).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_JSON_response_format_gets_a_JSON_object_and_no_format_gets_prose()
    {
        await using var emulator = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using IChatClient chat = emulator.CreateChat(Phi);

        ChatResponse json = await chat.GetResponseAsync("What is the capital of France?", new ChatOptions { ResponseFormat = ChatResponseFormat.Json });
        using (JsonDocument document = JsonDocument.Parse(json.Text))
        {
            Assert.Equal("The capital of France is Paris.", document.RootElement.GetProperty("answer").GetString());
        }

        ChatResponse prose = await chat.GetResponseAsync("What is the capital of France?");
        Assert.Equal("The capital of France is Paris.", prose.Text);
    }

    /// <summary>What a booking assistant extracts from a request.</summary>
    public sealed record TripRequest(string City, int Nights, int Guests);
}
