using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Bytez.AI.Tests.Protocol;

/// <summary>Streaming runs: raw UTF-8 text, yielded as it arrives; status checked first; in-band errors raised.</summary>
public sealed class StreamingTests
{
    private const string Model = "openai-community/gpt2";

    /// <summary>Guards against a hang if the code under test waited for more data; not a timing assertion.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static HttpResponseMessage StreamResponse(Stream body, string mediaType = "text/event-stream")
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static BytezModel ModelReturning(BytezApiVersion api, Func<HttpResponseMessage> respond) =>
        TestClients.Create(api, new RecordingHandler(_ => respond())).GetModel(Model);

    [Theory]
    [BothApiVersions]
    public async Task Utf8_split_across_chunks_is_decoded_and_each_chunk_is_yielded(BytezApiVersion api)
    {
        var fixture = WireFixtures.Json("v2-stream-chat-chunks.json");
        var chunks = fixture.GetProperty("chunksUtf8Base64").EnumerateArray().Select(c => Convert.FromBase64String(c.GetString()!)).ToArray();
        var body = new ChunkedStream(chunks);
        body.Complete();

        var pieces = await ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("What is the capital of England?").ToListAsync();

        Assert.Equal(fixture.GetProperty("expectedText").GetString(), string.Concat(pieces));
        Assert.Equal(["The capital ", "of England is London ", "— of course."], pieces);
        Assert.DoesNotContain(pieces, p => p.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Theory]
    [BothApiVersions]
    public async Task Text_chunks_fixture_round_trips(BytezApiVersion api)
    {
        var fixture = WireFixtures.Json("v2-stream-chat-chunks.json");
        var chunks = fixture.GetProperty("chunks").EnumerateArray().Select(c => c.GetString()!).ToArray();

        var pieces = await ModelReturning(api, () => StreamResponse(ChunkedStream.FromText(chunks))).RunStreamingAsync("q").ToListAsync();

        Assert.Equal(chunks, pieces);
    }

    [Theory]
    [BothApiVersions]
    public async Task Each_piece_is_yielded_before_more_data_arrives(BytezApiVersion api)
    {
        var body = new ChunkedStream();
        await using var stream = ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("Jack and Jill").GetAsyncEnumerator();

        body.Write("Jack and Jill");
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(HangGuard));
        Assert.Equal("Jack and Jill", stream.Current);

        body.Write(" went up");
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(HangGuard));
        Assert.Equal(" went up", stream.Current);

        body.Complete();
        Assert.False(await stream.MoveNextAsync().AsTask().WaitAsync(HangGuard));
    }

    [Theory]
    [BothApiVersions]
    public async Task Sse_looking_text_is_passed_through_verbatim(BytezApiVersion api)
    {
        var pieces = await ModelReturning(api, () => StreamResponse(ChunkedStream.FromText("data: hello\n\n", "line two\n"))).RunStreamingAsync("x").ToListAsync();

        Assert.Equal("data: hello\n\nline two\n", string.Concat(pieces));
    }

    [Theory]
    [BothApiVersions]
    public async Task Internal_bytez_error_in_a_later_chunk_throws_after_the_earlier_text(BytezApiVersion api)
    {
        var fixture = WireFixtures.Json("stream-inband-error-chunks.json");
        var chunks = fixture.GetProperty("chunks").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(async () =>
        {
            await foreach (var piece in ModelReturning(api, () => StreamResponse(ChunkedStream.FromText(chunks))).RunStreamingAsync("Once upon a time"))
            {
                received.Add(piece);
            }
        });

        Assert.Equal(["Once upon a time"], received);
        Assert.Equal(chunks[1], ex.BytezError);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(Model, ex.ModelId);
        Assert.Contains("call BytezModel.RunAsync", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("Bytez streaming run of 'openai-community/gpt2' failed after the stream began: the model wrote \"INTERNAL_BYTEZ_ERROR:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task In_band_error_text_is_read_to_the_end_of_the_stream(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(
            () => ModelReturning(api, () => StreamResponse(ChunkedStream.FromText("INTERNAL_BYTEZ_ERROR: first half", " second half"))).RunStreamingAsync("x").ToListAsync().AsTask());

        Assert.Equal("INTERNAL_BYTEZ_ERROR: first half second half", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task Error_prefix_at_the_start_of_the_stream_throws_without_yielding(BytezApiVersion api)
    {
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(async () =>
        {
            await foreach (var piece in ModelReturning(api, () => StreamResponse(ChunkedStream.FromText("Error: CUDA error: device-side assert", " triggered"))).RunStreamingAsync("x"))
            {
                received.Add(piece);
            }
        });

        Assert.Empty(received);
        Assert.Equal("Error: CUDA error: device-side assert triggered", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task Error_prefix_in_a_later_chunk_followed_by_more_text_is_ordinary_text(BytezApiVersion api)
    {
        var pieces = await ModelReturning(api, () => StreamResponse(ChunkedStream.FromText("The log said\n", "Error: ", "file not found, so we retried."))).RunStreamingAsync("x").ToListAsync();

        Assert.Equal(["The log said\n", "Error: ", "file not found, so we retried."], pieces);
    }

    [Theory]
    [BothApiVersions]
    public async Task Error_prefix_in_the_last_chunk_is_an_error(BytezApiVersion api)
    {
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(async () =>
        {
            await foreach (var piece in ModelReturning(api, () => StreamResponse(ChunkedStream.FromText("Once upon", " a time", "Error: out of memory"))).RunStreamingAsync("x"))
            {
                received.Add(piece);
            }
        });

        Assert.Equal(["Once upon", " a time"], received);
        Assert.Equal("Error: out of memory", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task Held_error_chunk_is_released_as_soon_as_the_next_chunk_arrives(BytezApiVersion api)
    {
        var body = new ChunkedStream();
        await using var stream = ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").GetAsyncEnumerator();
        body.Write("A");
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(HangGuard));

        body.Write("Error: maybe");
        var next = stream.MoveNextAsync().AsTask();
        body.Write("not");

        Assert.True(await next.WaitAsync(HangGuard));
        Assert.Equal("Error: maybe", stream.Current);
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(HangGuard));
        Assert.Equal("not", stream.Current);
        body.Complete();
        Assert.False(await stream.MoveNextAsync().AsTask().WaitAsync(HangGuard));
    }

    [Theory]
    [BothApiVersions]
    public async Task Non_success_status_is_thrown_before_streaming(BytezApiVersion api)
    {
        var model = ModelReturning(api, () => RecordingHandler.Json(
            HttpStatusCode.BadRequest, """{"error":"Model openai-community/gpt2 is not running. Load it first with model/load."}"""));
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezModelNotRunningException>(async () =>
        {
            await foreach (var piece in model.RunStreamingAsync("x"))
            {
                received.Add(piece);
            }
        });

        Assert.Empty(received);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.StartsWith("Bytez streaming run of 'openai-community/gpt2' failed with HTTP 400 (Bad Request):", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Non_success_status_with_text_event_stream_body_is_still_an_error(BytezApiVersion api)
    {
        var body = ChunkedStream.FromText("""{"error":"Unauthorized","output":null}""");
        var model = ModelReturning(api, () =>
        {
            var response = StreamResponse(body);
            response.StatusCode = HttpStatusCode.Unauthorized;
            return response;
        });

        var ex = await Assert.ThrowsAsync<BytezUnauthorizedException>(() => model.RunStreamingAsync("x").ToListAsync().AsTask());

        Assert.Equal("Unauthorized", ex.BytezError);
        Assert.True(body.IsDisposed);
    }

    [Theory]
    [BothApiVersions]
    public async Task Json_error_with_success_status_on_a_stream_request_throws(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezException>(
            () => ModelReturning(api, () => RecordingHandler.Json(HttpStatusCode.OK, """{"error":"stream not supported"}""")).RunStreamingAsync("x").ToListAsync().AsTask());

        Assert.Equal("stream not supported", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task Json_result_on_a_stream_request_yields_its_text(BytezApiVersion api)
    {
        var pieces = await ModelReturning(api, () => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-run-text-generation.json")).RunStreamingAsync("x").ToListAsync();

        Assert.Equal(["Once upon a time there was a little cottage by the sea."], pieces);
    }

    [Theory]
    [BothApiVersions]
    public async Task Cancellation_mid_stream_throws_and_disposes_the_response(BytezApiVersion api)
    {
        var body = new ChunkedStream();
        using var cts = new CancellationTokenSource();
        var enumerator = ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x", cancellationToken: cts.Token).GetAsyncEnumerator();
        body.Write("first");
        Assert.True(await enumerator.MoveNextAsync().AsTask().WaitAsync(HangGuard));

        var next = enumerator.MoveNextAsync().AsTask();
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(HangGuard));
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.True(body.IsDisposed);
        await enumerator.DisposeAsync();
    }

    [Theory]
    [BothApiVersions]
    public async Task Enumerator_token_also_cancels(BytezApiVersion api)
    {
        var body = new ChunkedStream();
        using var cts = new CancellationTokenSource();
        var enumerator = ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").GetAsyncEnumerator(cts.Token);
        body.Write("first");
        Assert.True(await enumerator.MoveNextAsync().AsTask().WaitAsync(HangGuard));

        var next = enumerator.MoveNextAsync().AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(HangGuard));
        Assert.True(body.IsDisposed);
        await enumerator.DisposeAsync();
    }

    [Theory]
    [BothApiVersions]
    public async Task Breaking_out_of_the_loop_disposes_the_response(BytezApiVersion api)
    {
        var body = new ChunkedStream();
        body.Write("one");
        body.Write("two");

        await foreach (var piece in ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x"))
        {
            Assert.Equal("one", piece);
            break;
        }

        Assert.True(body.IsDisposed);
    }

    [Theory]
    [BothApiVersions]
    public async Task Connection_lost_mid_stream_is_a_BytezException_not_a_silent_end(BytezApiVersion api)
    {
        var body = new ChunkedStream();
        body.Write("partial");
        body.Fail(new IOException("The response ended prematurely."));
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezException>(async () =>
        {
            await foreach (var piece in ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x"))
            {
                received.Add(piece);
            }
        });

        Assert.Equal(["partial"], received);
        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.IsType<IOException>(ex.InnerException);
        Assert.Contains("interrupted after the stream began", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Trailing_incomplete_utf8_is_a_BytezException_not_a_replacement_character(BytezApiVersion api)
    {
        var body = new ChunkedStream([0x61, 0xE2, 0x80]);
        body.Complete();
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezException>(async () =>
        {
            await foreach (var piece in ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x"))
            {
                received.Add(piece);
            }
        });

        Assert.Equal(["a"], received);
        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.Equal(Model, ex.ModelId);
        Assert.Contains("cut short", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Internal_bytez_error_joined_to_text_in_one_read_yields_the_text_then_throws(BytezApiVersion api)
    {
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(async () =>
        {
            await foreach (var piece in ModelReturning(api, () => StreamResponse(ChunkedStream.FromText("Jack and Jill went INTERNAL_BYTEZ_ERROR: boom"))).RunStreamingAsync("x"))
            {
                received.Add(piece);
            }
        });

        Assert.Equal(["Jack and Jill went "], received);
        Assert.Equal("INTERNAL_BYTEZ_ERROR: boom", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task Internal_bytez_error_split_across_reads_is_still_found(BytezApiVersion api)
    {
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(async () =>
        {
            await foreach (var piece in ModelReturning(api, () => StreamResponse(ChunkedStream.FromText("Jack and Jill INTERNAL_BY", "TEZ_ERROR: boom"))).RunStreamingAsync("x"))
            {
                received.Add(piece);
            }
        });

        Assert.Equal(["Jack and Jill INTERNAL_BY"], received); // yielded at once: the second read had not arrived
        Assert.Equal("INTERNAL_BYTEZ_ERROR: boom", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task Internal_bytez_error_spread_over_many_tiny_reads_is_still_found(BytezApiVersion api)
    {
        // Pieces shorter than the marker: the kept tail of yielded text must shift correctly from read to read.
        var received = new List<string>();
        string[] chunks = ["ok ", "IN", "TER", "NAL_", "B", "YTEZ", "_ERR", "OR", ": bo", "om"];

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(async () =>
        {
            await foreach (var piece in ModelReturning(api, () => StreamResponse(ChunkedStream.FromText(chunks))).RunStreamingAsync("x"))
            {
                received.Add(piece);
            }
        });

        Assert.Equal(["ok ", "IN", "TER", "NAL_", "B", "YTEZ", "_ERR", "OR"], received); // the marker is complete only with ":"
        Assert.Equal("INTERNAL_BYTEZ_ERROR: boom", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task Text_that_only_resembles_the_marker_across_reads_streams_whole(BytezApiVersion api)
    {
        string[] chunks = ["INTERNAL_", "BYTEZ", "_ERRORS are ", "described in the docs; ", "INTERNAL_BYTEZ_", "ERR", "ATA"];

        var pieces = await ModelReturning(api, () => StreamResponse(ChunkedStream.FromText(chunks))).RunStreamingAsync("x").ToListAsync();

        Assert.Equal(chunks, pieces);
    }

    [Theory]
    [BothApiVersions]
    public async Task A_character_split_across_reads_inside_the_error_text_is_decoded_whole(BytezApiVersion api)
    {
        // Split in the read that holds the marker, and in the error tail's own reads after a marker that arrived alone.
        byte[][][] splits =
        [
            [[.. "INTERNAL_BYTEZ_ERROR: caf"u8, 0xC3], [0xA9, .. " failed"u8]],
            ["INTERNAL_BYTEZ_ERROR: "u8.ToArray(), [.. "caf"u8, 0xC3], [0xA9, .. " failed"u8]],
        ];
        foreach (var chunks in splits)
        {
            var body = new ChunkedStream(chunks);
            body.Complete();

            var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(() => ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").ToListAsync().AsTask());

            Assert.Equal("INTERNAL_BYTEZ_ERROR: café failed", ex.BytezError);
        }
    }

    [Theory]
    [BothApiVersions]
    public async Task Invalid_utf8_in_the_middle_of_a_stream_is_a_replacement_character_and_the_stream_goes_on(BytezApiVersion api)
    {
        // 0xFF is never valid UTF-8: the text is shown with U+FFFD in its place, as Encoding.UTF8 decodes it, not failed.
        var body = new ChunkedStream([.. "caf"u8, 0xFF, .. " ok"u8], " and more"u8.ToArray());
        body.Complete();

        var pieces = await ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").ToListAsync();

        Assert.Equal(["caf\uFFFD ok", " and more"], pieces);
    }

    [Theory]
    [BothApiVersions]
    public async Task An_error_text_cut_inside_its_last_character_ends_with_a_replacement_character(BytezApiVersion api)
    {
        var body = new ChunkedStream("INTERNAL_BYTEZ_ERROR: caf"u8.ToArray(), [0xC3]);
        body.Complete();

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(() => ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").ToListAsync().AsTask());

        Assert.Equal("INTERNAL_BYTEZ_ERROR: caf\uFFFD", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task Internal_bytez_error_split_before_a_long_rest_is_found_and_read_whole(BytezApiVersion api)
    {
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(async () =>
        {
            await foreach (var piece in ModelReturning(api, () => StreamResponse(ChunkedStream.FromText("ok INTERNAL_BYTEZ", "_ERROR: the container ran out of memory", " and stopped"))).RunStreamingAsync("x"))
            {
                received.Add(piece);
            }
        });

        Assert.Equal(["ok INTERNAL_BYTEZ"], received);
        Assert.Equal("INTERNAL_BYTEZ_ERROR: the container ran out of memory and stopped", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task A_connection_broken_after_the_error_text_still_reports_the_error(BytezApiVersion api)
    {
        var body = new ChunkedStream();
        body.Write("INTERNAL_BYTEZ_ERROR: boom");
        body.Fail(new IOException("The response ended prematurely."));

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(() => ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").ToListAsync().AsTask());

        Assert.Equal("INTERNAL_BYTEZ_ERROR: boom", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task An_error_text_that_never_ends_is_read_only_so_far(BytezApiVersion api)
    {
        var body = new ChunkedStream();
        body.Write("INTERNAL_BYTEZ_ERROR: ");
        for (int i = 0; i < 10; i++)
        {
            body.Write(new string('x', 1000));
        }

        // The stream is never completed: reading it to the end would wait forever.
        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(
            () => ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").ToListAsync().AsTask().WaitAsync(HangGuard));

        Assert.StartsWith("INTERNAL_BYTEZ_ERROR: xxx", ex.BytezError, StringComparison.Ordinal);
        Assert.InRange(ex.BytezError!.Length, 4096, 5100);
    }

    [Theory]
    [BothApiVersions]
    public async Task A_held_error_prefix_chunk_followed_by_the_internal_marker_is_released_then_the_error_thrown(BytezApiVersion api)
    {
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(async () =>
        {
            await foreach (var piece in ModelReturning(api, () => StreamResponse(ChunkedStream.FromText("A", "Error: maybe", "INTERNAL_BYTEZ_ERROR: real"))).RunStreamingAsync("x"))
            {
                received.Add(piece);
            }
        });

        Assert.Equal(["A", "Error: maybe"], received);
        Assert.Equal("INTERNAL_BYTEZ_ERROR: real", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task A_held_error_prefix_chunk_at_a_cut_end_is_reported_as_the_error(BytezApiVersion api)
    {
        var body = new ChunkedStream("A"u8.ToArray(), [.. "Error: out of memory"u8, 0xC3]);
        body.Complete();

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(() => ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").ToListAsync().AsTask());

        Assert.Equal("Error: out of memory", ex.BytezError);
    }

    [Theory]
    [BothApiVersions]
    public async Task A_read_with_only_the_start_of_a_character_yields_nothing_until_the_character_is_whole(BytezApiVersion api)
    {
        var body = new ChunkedStream([0xE2], [0x80], [0x94, (byte)'a']);
        body.Complete();

        var pieces = await ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").ToListAsync();

        Assert.Equal(["—a"], pieces);
    }

    [Theory]
    [BothApiVersions]
    public async Task Error_prefix_after_a_read_with_only_the_start_of_a_character_is_still_at_the_start(BytezApiVersion api)
    {
        var body = new ChunkedStream([0xE2], [0x80, 0x94, .. " ok"u8], "Error: later"u8.ToArray(), " text"u8.ToArray());
        body.Complete();

        var pieces = await ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").ToListAsync();

        Assert.Equal(["— ok", "Error: later", " text"], pieces);
    }

    [Theory]
    [MemberData(nameof(ReadFailures))]
    public async Task A_read_that_fails_without_the_callers_cancellation_is_an_interrupted_stream(BytezApiVersion api, Exception failure)
    {
        var body = new ChunkedStream();
        body.Write("partial");
        body.Fail(failure);

        var ex = await Assert.ThrowsAsync<BytezException>(() => ModelReturning(api, () => StreamResponse(body)).RunStreamingAsync("x").ToListAsync().AsTask());

        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.Same(failure, ex.InnerException);
        Assert.StartsWith("Bytez streaming run of 'openai-community/gpt2' was interrupted after the stream began (", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<BytezApiVersion, Exception> ReadFailures()
    {
        var data = new TheoryData<BytezApiVersion, Exception>();
        foreach (var api in new[] { BytezApiVersion.V1, BytezApiVersion.V2 })
        {
            data.Add(api, new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."));
            data.Add(api, new HttpRequestException("Error while copying content to a stream."));
            data.Add(api, new ObjectDisposedException("SslStream"));
        }

        return data;
    }

    [Theory]
    [BothApiVersions]
    public async Task The_api_key_in_an_in_band_error_is_redacted(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(
            () => ModelReturning(api, () => StreamResponse(ChunkedStream.FromText($"INTERNAL_BYTEZ_ERROR: bad key {TestClients.ApiKey}"))).RunStreamingAsync("x").ToListAsync().AsTask());

        Assert.DoesNotContain(TestClients.ApiKey, ex.BytezError, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_fixture_is_well_formed()
    {
        var fixture = WireFixtures.Json("v2-stream-chat-chunks.json");
        Assert.Equal(JsonValueKind.Array, fixture.GetProperty("chunksUtf8Base64").ValueKind);
    }
}
