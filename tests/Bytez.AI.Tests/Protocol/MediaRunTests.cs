using System.Net;
using System.Net.Http.Headers;

namespace Bytez.AI.Tests.Protocol;

/// <summary>
/// <see cref="BytezModel.RunMediaAsync"/> and <see cref="BytezModel.RunMediaStreamingAsync"/> read media bytes from every
/// shape an answer can take: v2 raw bytes (<c>"json": false</c>), a link downloaded without credentials, a data URL,
/// and v1's top-level base64.
/// </summary>
public sealed class MediaRunTests
{
    private const string Model = "dreamlike-art/dreamlike-photoreal-2.0";
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4z8DwHwAFAAH/VscvDQAAAABJRU5ErkJggg==");

    private static HttpResponseMessage Bytes(byte[] bytes, string? mediaType)
    {
        var content = new ByteArrayContent(bytes);
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    [Theory]
    [InlineData("image/png", "image/png")]
    [InlineData("application/octet-stream", "image/png")]
    [InlineData(null, "image/png")]
    public async Task V2_raw_bytes_are_returned_with_their_type(string? contentType, string expected)
    {
        var handler = new RecordingHandler(_ => Bytes(Png, contentType));

        var media = await TestClients.CreateV2(handler).GetModel(Model).RunMediaAsync("a cat");

        Assert.Equal(Png, media.Data.ToArray());
        Assert.Equal(expected, media.MediaType);
    }

    [Fact]
    public async Task V2_link_is_downloaded_without_any_key()
    {
        var handler = new RecordingHandler(request => request.Uri.Host == "cdn.bytez.com"
            ? Bytes(Png, "image/png")
            : RecordingHandler.Fixture(HttpStatusCode.OK, "v2-run-text-to-image.json"));

        var media = await TestClients.CreateV2(handler, o => o.ProviderKeys = new Dictionary<string, string> { ["dreamlike-art"] = "pk" })
            .GetModel(Model).RunMediaAsync("a cat");

        Assert.Equal(Png, media.Data.ToArray());
        Assert.Equal(2, handler.Requests.Count);
        var download = handler.Requests[1];
        Assert.Equal("https://cdn.bytez.com/model/output/dreamlike-art/dreamlike-photoreal-2.0/3f9c2a.png", download.Uri.AbsoluteUri);
        Assert.Equal(HttpMethod.Get, download.Method);
        Assert.Null(download.Authorization);
        Assert.Null(download.ProviderKey);
    }

    [Fact]
    public async Task A_failed_download_says_the_link_expired()
    {
        var handler = new RecordingHandler(request => request.Uri.Host == "cdn.bytez.com"
            ? new HttpResponseMessage(HttpStatusCode.Forbidden)
            : RecordingHandler.Fixture(HttpStatusCode.OK, "v2-run-text-to-image.json"));

        var ex = await Assert.ThrowsAsync<BytezException>(() => TestClients.CreateV2(handler).GetModel(Model).RunMediaAsync("a cat"));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Contains("run the model again", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v2-run-text-to-image-data-url.json", "image/png")]
    [InlineData("v1-run-text-to-image.json", "image/png")]
    [InlineData("v1-run-text-to-speech.json", "audio/wav")]
    public async Task Base64_in_json_is_decoded(string fixture, string mediaType)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, fixture));
        var expected = new BytezRunResult(WireFixtures.Json(fixture), "org/model").GetMedia();

        var media = await TestClients.Create(handler).GetModel(Model).RunMediaAsync("a cat");

        Assert.Equal(mediaType, media.MediaType);
        Assert.Equal(expected.Data.ToArray(), media.Data.ToArray());
        Assert.NotEmpty(media.Data.ToArray());
    }

    [Fact]
    public async Task A_json_error_on_a_media_run_is_thrown()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, """{"error":"NSFW content detected","output":null}"""));

        var ex = await Assert.ThrowsAsync<BytezException>(() => TestClients.CreateV2(handler).GetModel(Model).RunMediaAsync("a cat"));

        Assert.Equal("NSFW content detected", ex.BytezError);
    }

    [Fact]
    public async Task A_json_answer_without_media_is_a_protocol_error()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v2-run-chat.json"));

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => TestClients.CreateV2(handler).GetModel(Model).RunMediaAsync("a cat"));

        Assert.Contains("output_png", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Streamed_media_yields_the_bytes_in_order(BytezApiVersion api)
    {
        var handler = new RecordingHandler(_ => api == BytezApiVersion.V2
            ? Bytes(Png, "image/png")
            : RecordingHandler.Fixture(HttpStatusCode.OK, "v1-run-text-to-image.json"));

        var pieces = await TestClients.Create(api, handler).GetModel(Model).RunMediaStreamingAsync("a cat").ToListAsync();

        Assert.Equal(Png, pieces.SelectMany(p => p.ToArray()).ToArray());
    }

    [Fact]
    public void GetMedia_reads_each_generation_and_says_to_fetch_a_link()
    {
        Assert.Equal("audio/wav", new BytezRunResult(WireFixtures.Json("v1-run-text-to-speech.json"), "org/model").GetMedia().MediaType);
        Assert.Equal(Png, new BytezRunResult(WireFixtures.Json("v2-run-text-to-image-data-url.json"), "org/model").GetMedia().Data.ToArray());
        var ex = Assert.Throws<BytezProtocolException>(() => new BytezRunResult(WireFixtures.Json("v2-run-text-to-image.json"), "org/model").GetMedia());
        Assert.Contains("RunMediaAsync", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_media_run_refused_with_a_body_that_is_not_JSON_is_the_mapped_error_not_media()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Text(HttpStatusCode.InternalServerError, "upstream crashed"));

        var ex = await Assert.ThrowsAsync<BytezException>(() => TestClients.CreateV2(handler).GetModel(Model).RunMediaAsync("a cat"));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Contains("the body was not a Bytez error: \"upstream crashed\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_names_the_library_and_is_logged_by_its_link()
    {
        var logs = new CapturingLoggerFactory();
        var handler = new RecordingHandler(request => request.Uri.Host == "cdn.bytez.com"
            ? Bytes(Png, "image/png")
            : RecordingHandler.Fixture(HttpStatusCode.OK, "v2-run-text-to-image.json"));
        using var client = TestClients.Create(handler, logs, configure: o => o.ApiVersion = BytezApiVersion.V2);

        _ = await client.GetModel(Model).RunMediaAsync("a cat");

        Assert.Equal(handler.Requests[0].UserAgent, handler.Requests[1].UserAgent);
        Assert.StartsWith("Bytez.AI/", handler.Requests[1].UserAgent, StringComparison.Ordinal);
        Assert.Contains(
            "Bytez GET https://cdn.bytez.com/model/output/dreamlike-art/dreamlike-photoreal-2.0/3f9c2a.png answered HTTP 200",
            logs.Entries.Where(e => e.Id.Id == 1).Select(e => e.Message));
    }

    [Fact]
    public async Task A_download_larger_than_the_limit_fails_at_the_limit()
    {
        var handler = new RecordingHandler(request => request.Uri.Host == "cdn.bytez.com"
            ? Bytes(new byte[4096], "image/png")
            : RecordingHandler.Fixture(HttpStatusCode.OK, "v2-run-text-to-image.json"));

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => TestClients.CreateV2(handler, o => o.MaxResponseSize = 1024).GetModel(Model).RunMediaAsync("a cat"));

        Assert.Contains("a body of 4 KiB (announced by Content-Length, so nothing was read), over BytezClientOptions.MaxResponseSize (1 KiB)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_that_cannot_connect_is_a_BytezException_with_the_cause()
    {
        var handler = new RecordingHandler(request => request.Uri.Host == "cdn.bytez.com"
            ? throw new HttpRequestException("Connection refused (cdn.bytez.com:443)")
            : RecordingHandler.Fixture(HttpStatusCode.OK, "v2-run-text-to-image.json"));

        var ex = await Assert.ThrowsAsync<BytezException>(() => TestClients.CreateV2(handler).GetModel(Model).RunMediaAsync("a cat"));

        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Contains("(Connection refused (cdn.bytez.com:443))", ex.Message, StringComparison.Ordinal);
    }
}
