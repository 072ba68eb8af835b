using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests.Behaviors;

public sealed class DeterminismTests
{
    public static TheoryData<string, string> Seeds => SeedExamples.All;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_example_runs_and_repeats_exactly(string modelId, string body)
    {
        string first = Emulate.Run(modelId, body).ToJsonString();
        string second = Emulate.Run(modelId, body).ToJsonString();
        Assert.Equal(first, second);
        Assert.DoesNotContain("\"error\"", first, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_example_has_the_v1_top_level_shape(string modelId, string body)
    {
        JsonObject result = Emulate.Run(modelId, body);
        string task = Emulate.Model(modelId).Task;
        string expectedMember = task switch
        {
            "text-to-image" or "unconditional-image-generation" => "output_png",
            "text-to-speech" or "text-to-audio" => "output_wav",
            "text-to-video" => "output_mp4",
            _ => "output",
        };

        Assert.Equal([expectedMember], result.Select(p => p.Key));
        Assert.NotNull(result[expectedMember]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Only_text_producing_tasks_stream(string modelId, string body)
    {
        IReadOnlyList<string>? chunks = Emulate.Stream(modelId, body);
        string task = Emulate.Model(modelId).Task;
        // §3.6: generation, chat and the multimodal chat tasks, summarization, translation and text2text stream.
        bool streams = task is "text-generation" or "chat" or "image-text-to-text" or "audio-text-to-text" or "video-text-to-text"
            or "summarization" or "translation" or "text2text-generation";
        Assert.Equal(streams, chunks is not null);
    }

    [Fact]
    public void Behaviours_do_not_modify_the_request()
    {
        EmulatorRunRequest request = Emulate.Request("microsoft/Phi-3-mini-4k-instruct", """{"input": [{"role": "user", "content": "Hi"}], "params": {"max_new_tokens": 5}}""");
        string before = request.Body.ToJsonString();
        _ = TaskBehaviors.For(request.Model).Run(request);
        _ = TaskBehaviors.For(request.Model).Stream(request);
        Assert.Equal(before, request.Body.ToJsonString());
    }
}
