using System.Net;
using System.Text.Json.Nodes;

namespace Bytez.AI.Tests.Protocol;

/// <summary>
/// The generation-neutral inputs written in v1's conventions (§2.5: <c>input</c>, or an object merged at the top
/// level; media as raw base64 without a <c>data:</c> prefix), and their argument checks. The v2 side is in
/// <see cref="V2RequestWireTests"/>.
/// </summary>
public sealed class InputMappingTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 1, 2];
    private static readonly byte[] Wav = [(byte)'R', (byte)'I', (byte)'F', (byte)'F', 3, 4];
    private static readonly byte[] Mp4 = [0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p'];

    private static async Task<string> V1BodyAsync(BytezInput input)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-run-zero-shot-classification.json"));
        await TestClients.Create(handler).GetModel("org/model").RunAsync(input);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("model/run", request.RelativePath);
        return request.Body!;
    }

    [Fact]
    public async Task Urls_and_media_follow_the_v1_task_conventions()
    {
        var png = Convert.ToBase64String(Png);

        Assert.Equal("""{"model":"org/model","stream":false,"params":{},"input":"https://example.com/cat.jpg"}""", await V1BodyAsync(BytezInput.FromUrl(new Uri("https://example.com/cat.jpg"))));
        Assert.Equal($$"""{"model":"org/model","stream":false,"params":{},"input":"{{png}}"}""", await V1BodyAsync(BytezInput.FromMedia(Png, "image/png")));
        Assert.Equal($$"""{"model":"org/model","stream":false,"params":{},"b64AudioBufferWav":"{{Convert.ToBase64String(Wav)}}"}""", await V1BodyAsync(BytezInput.FromMedia(Wav, "audio/wav")));
        Assert.Equal($$"""{"model":"org/model","stream":false,"params":{},"b64VideoBufferMp4":"{{Convert.ToBase64String(Mp4)}}"}""", await V1BodyAsync(BytezInput.FromMedia(Mp4, "video/mp4")));
    }

    [Fact]
    public async Task Inputs_with_several_members_are_merged_at_the_top_level()
    {
        var png = Convert.ToBase64String(Png);

        Assert.Equal(
            """{"model":"org/model","stream":false,"params":{},"image":"https://example.com/cat.jpg","question":"What animal is this?"}""",
            await V1BodyAsync(BytezInput.FromUrl(new Uri("https://example.com/cat.jpg")).WithQuestion("What animal is this?")));
        Assert.Equal(
            $$"""{"model":"org/model","stream":false,"params":{},"image":"{{png}}","candidate_labels":["cat","dog"]}""",
            await V1BodyAsync(BytezInput.FromMedia(Png, "image/png").WithCandidateLabels(["cat", "dog"])));
        Assert.Equal(
            """{"model":"org/model","stream":false,"params":{},"text":"One day I will see the world","candidate_labels":["travel"]}""",
            await V1BodyAsync(BytezInput.FromText("One day I will see the world").WithCandidateLabels(["travel"])));
        Assert.Equal(
            """{"model":"org/model","stream":false,"params":{},"question":"Where does Holly live?","context":"My name is Holly"}""",
            await V1BodyAsync(BytezInput.FromQuestion("Where does Holly live?", "My name is Holly")));
    }

    [Fact]
    public void Inputs_are_immutable_copies()
    {
        var bytes = (byte[])Png.Clone();
        var media = BytezInput.FromMedia(bytes, "image/png");
        var labels = new List<string> { "cat" };
        var withLabels = media.WithCandidateLabels(labels);
        var members = new JsonObject { ["question"] = "q" };
        var obj = BytezInput.FromObject(members);

        bytes[0] = 0;
        labels.Add("dog");
        members["question"] = "changed";

        Assert.Equal(0x89, media.Media!.Data.Span[0]);
        Assert.Null(media.CandidateLabels);
        Assert.Equal(["cat"], withLabels.CandidateLabels!);
        Assert.Equal("q", (string?)obj.Members!["question"]);
        Assert.Equal("BytezInput { image/png (7 bytes), 1 candidate label(s) }", withLabels.ToString());
    }

    [Fact]
    public void Bad_arguments_name_the_fix()
    {
        Assert.Contains("FromMedia", Assert.Throws<ArgumentException>(() => BytezInput.FromUrl(new Uri("file:///tmp/cat.png"))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BytezInput.FromUrl(new Uri("/relative", UriKind.Relative)));
        Assert.Contains("image/png", Assert.Throws<ArgumentException>(() => BytezInput.FromMedia(Png, "png")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BytezInput.FromMedia(ReadOnlyMemory<byte>.Empty, "image/png"));
        Assert.Throws<ArgumentException>(() => BytezInput.FromQuestion("q", " "));
        Assert.Throws<ArgumentException>(() => BytezInput.FromText("t").WithCandidateLabels([]));
        Assert.Throws<ArgumentException>(() => BytezInput.FromText("t").WithCandidateLabels(["a", " "]));
        Assert.Contains("FromQuestion", Assert.Throws<InvalidOperationException>(() => BytezInput.FromText("t").WithQuestion("q")).Message, StringComparison.Ordinal);
        Assert.Contains("FromText", Assert.Throws<InvalidOperationException>(() => BytezInput.None.WithCandidateLabels(["a"])).Message, StringComparison.Ordinal);
        Assert.Contains("json", Assert.Throws<ArgumentException>(() => BytezInput.FromObject(new JsonObject { ["json"] = false })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BytezContentBlock.FromUrl(BytezContentKind.Text, new Uri("https://example.com/a.png")));
        Assert.Contains("image/*", Assert.Throws<ArgumentException>(() => BytezContentBlock.FromMedia(Png, "application/pdf")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BytezChatMessage("user", Array.Empty<BytezContentBlock>()));
        Assert.Throws<ArgumentNullException>(() => new BytezChatMessage("user", [BytezContentBlock.FromText("a"), null!]));
    }

    [Fact]
    public void Content_blocks_know_their_kind_from_the_media_type()
    {
        Assert.Equal(BytezContentKind.Image, BytezContentBlock.FromMedia(Png, "image/png").Kind);
        Assert.Equal(BytezContentKind.Audio, BytezContentBlock.FromMedia(Wav, "audio/wav").Kind);
        Assert.Equal(BytezContentKind.Video, BytezContentBlock.FromMedia(Mp4, "video/mp4").Kind);
        var message = new BytezChatMessage("user", [BytezContentBlock.FromText("a"), BytezContentBlock.FromUrl(BytezContentKind.Image, new Uri("https://x.test/i.png")), BytezContentBlock.FromText("b")]);
        Assert.Equal("ab", message.Content);
        Assert.Equal(3, message.ContentBlocks!.Count);
        Assert.Null(new BytezChatMessage("user", "plain").ContentBlocks);
    }
}
