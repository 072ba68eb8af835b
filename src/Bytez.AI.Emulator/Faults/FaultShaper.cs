using System.Text;
using Bytez.AI.Emulator.Endpoints;
using Bytez.AI.Emulator.Endpoints.OpenAI;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Faults;

/// <summary>Turns faults into answers: immediate HTTP errors, or reshaped bodies (cut, emptied, aborted, in-band error).</summary>
internal static class FaultShaper
{
    /// <summary>The HTML body of <see cref="EmulatorFault.ServerErrorHtml"/> (what a proxy in front of a dead upstream sends).</summary>
    public const string BadGatewayHtml = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    /// <summary>The in-band error a failing stream ends with (verbatim container text).</summary>
    public const string InBandError = V1Shapes.StreamNotSupported;

    public const string RateLimitMessage = "Rate limit exceeded";

    /// <summary>The path prefix under which the emulator answers as "another host" (<see cref="EmulatorFault.RedirectToOtherHost"/>).</summary>
    public const string OtherHostPrefix = "other-host/";

    /// <summary>What the other host answers (a plausible success, never a model's result).</summary>
    public const string OtherHostAnswer = "An answer from another host.";

    /// <summary>The concurrency <see cref="EmulatorFault.OverclaimedConcurrency"/> claims.</summary>
    public const int OverclaimedConcurrency = 100_000;

    /// <summary>Where clients commonly cut error excerpts; the echoed key straddles it.</summary>
    private const int ExcerptCut = 200;

    /// <summary>One chunk of an endless body (JSON string content, written again and again).</summary>
    private static readonly byte[] EndlessChunk = Encoding.UTF8.GetBytes(new string('a', 64 * 1024));

    /// <summary>The answer of a fault that replaces the response outright, or null when the fault reshapes a normal answer instead.</summary>
    public static RenderedResponse? Immediate(EmulatorFault fault, RunSurface surface, string modelId, BytezEmulatorOptions options, bool isLoad = false)
    {
        var retryAfter = ((long)Math.Ceiling(options.FaultRetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fault switch
        {
            EmulatorFault.ServerErrorHtml => new RenderedResponse
            {
                StatusCode = 502,
                ContentType = "text/html",
                Chunks = [Encoding.UTF8.GetBytes(BadGatewayHtml)],
            },
            EmulatorFault.RateLimited => RenderedResponse.Json(429, Error(surface, RateLimitMessage, 429), retryAfter),
            EmulatorFault.RateLimitedWithoutRetryAfter => RenderedResponse.Json(429, Error(surface, RateLimitMessage, 429)),
            EmulatorFault.Unauthorized => RenderedResponse.Json(401, Error(surface, "Unauthorized", 401)),
            EmulatorFault.OutOfCredits when surface == RunSurface.V1 || isLoad => RenderedResponse.Json(429, Error(surface, ModelScript.OutOfCreditsMessage, 429)),
            EmulatorFault.OutOfCredits when surface == RunSurface.OpenAI => RenderedResponse.Json(402, OpenAIErrors.Body(402, "Insufficient credits. Please add credits to continue.")),
            EmulatorFault.OutOfCredits => RenderedResponse.Json(402, PaymentRequired()),
            EmulatorFault.ModelNotFound => RenderedResponse.Json(404, Error(surface, "Model not found: " + modelId, 404)),
            EmulatorFault.ServiceUnavailable => RenderedResponse.Json(503, Error(surface, "Service temporarily unavailable", 503), retryAfter),
            EmulatorFault.KeyEcho => new RenderedResponse { StatusCode = 500, ContentType = "text/html", Chunks = [], EchoKey = true },
            EmulatorFault.EndlessBody => new RenderedResponse
            {
                StatusCode = 200,
                ContentType = HttpJson.ContentType,
                Chunks = [Encoding.UTF8.GetBytes("{\"output\":\"")],
                Streamed = true,
                RepeatForever = EndlessChunk,
            },
            EmulatorFault.NeverAnswers => new RenderedResponse { StatusCode = 200, ContentType = HttpJson.ContentType, Chunks = [], NeverAnswer = true },
            EmulatorFault.RedirectToOtherHost => new RenderedResponse { StatusCode = 307, ContentType = "text/plain", Chunks = [], RedirectsToOtherHost = true },
            _ => null,
        };
    }

    /// <summary>An error body in the surface's shape: v1 <c>{error}</c>, v2 <c>{error, output}</c>, OpenAI <c>{"error": {"message", "type", "code"}}</c>.</summary>
    public static System.Text.Json.Nodes.JsonObject Error(RunSurface surface, string message, int statusCode) => surface switch
    {
        RunSurface.V1 => HttpJson.V1Error(message),
        RunSurface.OpenAI => OpenAIErrors.Body(statusCode, message),
        _ => HttpJson.V2Error(message),
    };

    public static System.Text.Json.Nodes.JsonObject PaymentRequired() => new()
    {
        ["status"] = 402,
        ["error"] = "Payment Required",
        ["message"] = "Insufficient credits. Please add credits to continue.",
    };

    /// <summary>
    /// Renders <see cref="EmulatorFault.KeyEcho"/> for the caller's key: the reason phrase echoes it, and so does the HTML
    /// body, where the key straddles the 200th visible character among words that contain its letters.
    /// </summary>
    public static RenderedResponse KeyEchoPage(string key)
    {
        const string Opening = "Unknown key. The gateway refused the request; a known key is needed. The key it was given follows, quoted in full:";
        var keyStart = Math.Max(Opening.Length + 2, ExcerptCut - (key.Length / 2));
        var text = $"{Opening} {new string('.', keyStart - Opening.Length - 2)} {key} is not a known key.";
        return new RenderedResponse
        {
            StatusCode = 500,
            ContentType = "text/html",
            ReasonPhrase = "Unknown key " + key,
            Chunks = [Encoding.UTF8.GetBytes($"<html><body><p>{text}</p></body></html>")],
        };
    }

    /// <summary>The <c>Location</c> of <see cref="EmulatorFault.RedirectToOtherHost"/>: the same path under the other loopback host name.</summary>
    public static string OtherHostLocation(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var other = string.Equals(request.Host.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" : "localhost";
        var port = request.Host.Port is { } p ? ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        return $"{request.Scheme}://{other}{port}/{OtherHostPrefix}{request.Path.Value?.TrimStart('/')}{request.QueryString}";
    }

    /// <summary>Applies <see cref="EmulatorFault.OverclaimedConcurrency"/> to a status body; other faults leave it unchanged.</summary>
    public static System.Text.Json.Nodes.JsonObject ClaimConcurrency(System.Text.Json.Nodes.JsonObject status, EmulatorFault? fault)
    {
        if (fault == EmulatorFault.OverclaimedConcurrency)
        {
            status["concurrency"] = OverclaimedConcurrency;
        }

        return status;
    }

    /// <summary>Reshapes a normal answer for a body-level fault; other faults leave it unchanged.</summary>
    public static RenderedResponse Reshape(RenderedResponse response, EmulatorFault? fault, RunSurface surface)
    {
        switch (fault)
        {
            case EmulatorFault.MalformedJson:
                var json = Encoding.UTF8.GetBytes(surface == RunSurface.OpenAI && response.Streamed
                    ? "data: {\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"The qu"
                    : "{\"output\":[{\"generated_text\":\"The qu");
                return new RenderedResponse { StatusCode = 200, ContentType = response.Streamed && surface == RunSurface.OpenAI ? response.ContentType : HttpJson.ContentType, Chunks = [json], Streamed = response.Streamed };
            case EmulatorFault.EmptyBody:
                response.Chunks = [];
                response.DeclaredLength = 0;
                return response;
            case EmulatorFault.StreamTruncatedMidCharacter:
                response.Chunks = CutInHalf(response.Chunks);
                response.Chunks.Add([0xE2, 0x80]); // the first two of the three bytes of an em dash, never completed
                response.DeclaredLength = null;
                return response;
            case EmulatorFault.ConnectionResetMidStream:
                response.DeclaredLength = response.Chunks.Sum(c => (long)c.Length);
                response.Chunks = CutInHalf(response.Chunks);
                response.AbortAfter = true;
                return response;
            case EmulatorFault.StreamStalls when response.Streamed:
                response.Chunks = [.. response.Chunks.Take(Math.Max(1, response.Chunks.Count / 2))];
                response.StallAfter = true;
                return response;
            case EmulatorFault.InBandStreamError when response.Streamed:
                var keep = Math.Max(1, response.Chunks.Count / 2);
                if (surface == RunSurface.OpenAI)
                {
                    // Keep the role chunk and the first half of the deltas, then the error event; no [DONE].
                    response.Chunks = [.. response.Chunks.Take(Math.Max(2, keep)), OpenAIShapes.ErrorEvent(InBandError)];
                }
                else
                {
                    response.Chunks = [.. response.Chunks.Take(keep), Encoding.UTF8.GetBytes(InBandError)];
                }

                return response;
            default:
                return response;
        }
    }

    /// <summary>Keeps the chunks that make up the first half of the bytes (at least one byte), cutting the last one.</summary>
    private static List<byte[]> CutInHalf(List<byte[]> chunks)
    {
        var total = chunks.Sum(c => c.Length);
        var budget = Math.Max(1, total / 2);
        var kept = new List<byte[]>();
        foreach (var chunk in chunks)
        {
            if (budget <= 0)
            {
                break;
            }

            var take = Math.Min(budget, chunk.Length);
            kept.Add(chunk[..take]);
            budget -= take;
        }

        return kept;
    }
}
