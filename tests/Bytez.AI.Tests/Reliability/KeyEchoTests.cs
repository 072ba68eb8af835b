using System.Net;
using Bytez.AI.Emulator;
using Bytez.AI.Http;
using Bytez.AI.Tests.Reliability.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.Tests.Reliability;

/// <summary>
/// A server that echoes the API key (issue 14 items 1-3): in the reason phrase, in the body, across the point where the
/// error excerpt is cut. Nothing of the key reaches a message or a log line, and redaction does not mangle words.
/// </summary>
public sealed class KeyEchoTests
{
    private static readonly BytezInput Question = BytezInput.FromMessages([new BytezChatMessage("user", "What is the capital of France?")]);

    /// <summary>The first half of the harness key: what a cut straddling the key would have left in the message.</summary>
    private static readonly string KeyStart = Harness.ApiKey[..(Harness.ApiKey.Length / 2)];

    [Fact]
    public async Task A_key_echoed_in_the_reason_phrase_and_across_the_excerpt_cut_reaches_no_message()
    {
        await using var h = await Harness.StartAsync();
        var model = h.Client.GetModel(TestModels.Chat);
        await model.LoadAsync();
        h.Emulator.Script(TestModels.Chat).Fault(EmulatorFault.KeyEcho, times: -1);

        var ex = await Assert.ThrowsAsync<BytezException>(() => model.RunAsync(Question));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Contains("(Unknown key ***)", ex.Message, StringComparison.Ordinal); // the reason phrase, redacted
        Assert.Contains("quoted in full:", ex.Message, StringComparison.Ordinal); // the body excerpt is there
        Assert.DoesNotContain(KeyStart, ex.ToString(), StringComparison.OrdinalIgnoreCase); // not even the start of the key
        Assert.DoesNotContain(KeyStart, h.Logs.AllText, StringComparison.OrdinalIgnoreCase);
        h.Emulator.Script(TestModels.Chat).Clear();
        await model.StopAsync();
    }

    [Fact]
    public async Task A_key_echoed_on_the_OpenAI_compatible_route_reaches_no_message_or_log_streamed_or_not()
    {
        const string Gpt4o = "openai/gpt-4o";
        await using var h = await Harness.StartAsync(apiVersion: BytezApiVersion.V2);
        using var chat = h.Client.GetModel(Gpt4o).AsIChatClient();
        h.Emulator.Script(Gpt4o).Fault(EmulatorFault.KeyEcho, times: -1);

        var whole = await Assert.ThrowsAsync<BytezException>(() => chat.GetResponseAsync("What is the capital of France?"));
        var streamed = await Assert.ThrowsAsync<BytezException>(async () => await chat.GetStreamingResponseAsync("What is the capital of France?").ToListAsync());

        foreach (BytezException ex in (BytezException[])[whole, streamed])
        {
            Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
            Assert.Contains("***", ex.Message, StringComparison.Ordinal);   // the echo is there, redacted
            Assert.DoesNotContain(KeyStart, ex.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(KeyStart, ex.BytezError ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(h.Counter.Attempts > 2); // the retries ran (and logged) through Bytez's handler
        Assert.DoesNotContain(KeyStart, h.Logs.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Status_polls_answered_with_the_key_in_the_reason_phrase_log_warnings_without_it()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.Chat).Fault(EmulatorFault.KeyEcho, times: 6, EmulatorOperation.Status);

        var loaded = await h.Client.GetModel(TestModels.Chat).LoadAsync();

        Assert.True(loaded.Status!.IsRunning);
        var warnings = h.Logs.Entries.Where(e => e.Id.Id == 6 && e.Level == LogLevel.Warning).ToList(); // StatusPollFailed
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Contains("Unknown key ***", w.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(KeyStart, h.Logs.AllText, StringComparison.OrdinalIgnoreCase);
        await h.Client.GetModel(TestModels.Chat).StopAsync();
    }

    [Fact]
    public async Task A_one_letter_key_is_redacted_as_a_whole_token_without_mangling_words()
    {
        await using var h = await Harness.StartAsync(configureClient: o => o.ApiKey = "k");
        var model = h.Client.GetModel(TestModels.Chat);
        await model.LoadAsync();
        h.Emulator.Script(TestModels.Chat).Fault(EmulatorFault.KeyEcho, times: -1);

        var ex = await Assert.ThrowsAsync<BytezException>(() => model.RunAsync(Question));

        Assert.Contains("(Unknown key ***)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a known key is needed", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("***nown", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" k ", ex.Message, StringComparison.Ordinal);
        h.Emulator.Script(TestModels.Chat).Clear();
        await model.StopAsync();
    }

    [Fact]
    public async Task A_key_echoed_in_a_run_result_s_url_or_member_names_stays_out_of_accessor_errors()
    {
        await using var h = await Harness.StartAsync();
        var model = h.Client.GetModel(TestModels.TextToImage);
        await model.LoadAsync();
        h.Emulator.Script(TestModels.TextToImage)
            .ReplyJson(new System.Text.Json.Nodes.JsonObject { ["output"] = "https://cdn.example/image.png?key=" + Harness.ApiKey })
            .ReplyJson(new System.Text.Json.Nodes.JsonObject { [Harness.ApiKey] = 1 });

        var url = await model.RunAsync("a red fox");
        var members = await model.RunAsync("a red fox");

        var fromUrl = Assert.Throws<BytezProtocolException>(url.GetPngBytes);
        var fromMembers = Assert.Throws<BytezProtocolException>(members.GetPngBytes);
        Assert.Contains("key=***", fromUrl.Message, StringComparison.Ordinal);
        Assert.Contains("members ***", fromMembers.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyStart, fromUrl.ToString() + fromMembers, StringComparison.OrdinalIgnoreCase);
        await model.StopAsync();
    }

    [Theory]
    [InlineData("the key bz-reliability-SECRET-4f9c2e71 was refused", "the key *** was refused")]
    [InlineData("prefixBZ-RELIABILITY-SECRET-4F9C2E71suffix", "prefix***suffix")] // a secret-length key, in any case, inside a word
    [InlineData("no key here", "no key here")]
    public void A_secret_length_key_is_replaced_wherever_it_occurs(string text, string expected) =>
        Assert.Equal(expected, new BytezRedactor(Harness.ApiKey).Redact(text));

    [Theory]
    [InlineData("k", "Unknown key k", "Unknown key ***")]
    [InlineData("k", "known keys: k, K and k.", "known keys: ***, *** and ***.")]
    [InlineData("abc", "abcd xabc abc-def abc", "abcd xabc abc-def ***")]
    public void A_short_key_is_replaced_only_as_a_whole_token(string key, string text, string expected) =>
        Assert.Equal(expected, new BytezRedactor(key).Redact(text));

    [Fact]
    public void A_cut_never_leaves_the_start_of_a_key_that_straddles_it()
    {
        var redactor = new BytezRedactor(Harness.ApiKey);
        var text = new string('x', BytezRedactor.MaxExcerptLength - 10) + " " + Harness.ApiKey + string.Concat(Enumerable.Repeat(" more words", 40));

        var excerpt = redactor.Excerpt(text)!;

        Assert.DoesNotContain(KeyStart, excerpt, StringComparison.Ordinal);
        Assert.Contains(" *** more", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
    }
}
