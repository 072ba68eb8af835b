using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bytez.AI.Emulator.Server;

/// <summary>Writes a <see cref="RenderedResponse"/>: non-streamed bodies at once, streams chunk by chunk with a flush each.</summary>
internal static class ResponseWriter
{
    private static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(100);

    public static async Task WriteAsync(HttpContext context, RenderedResponse response, TimeSpan chunkDelay, TimeProvider time)
    {
        var ct = context.RequestAborted;
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        if (response.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = response.RetryAfter;
        }

        if (!response.Streamed)
        {
            context.Response.ContentLength = response.DeclaredLength ?? response.Chunks.Sum(c => (long)c.Length);
            foreach (var chunk in response.Chunks)
            {
                await context.Response.Body.WriteAsync(chunk, ct);
            }
        }
        else
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.StartAsync(ct);
            for (var i = 0; i < response.Chunks.Count; i++)
            {
                if (i > 0 && chunkDelay > TimeSpan.Zero)
                {
                    await Task.Delay(chunkDelay, time, ct);
                }

                await context.Response.Body.WriteAsync(response.Chunks[i], ct);
                await context.Response.Body.FlushAsync(ct);
            }
        }

        if (response.AbortAfter)
        {
            await context.Response.Body.FlushAsync(ct);

            // Give the caller a moment to read what was sent: a reset discards data still unread in the peer's socket
            // buffer, and the fault means "some text arrived, then the connection broke". Real time, not the
            // emulator's clock, so a frozen test clock cannot hold the connection open.
            await Task.Delay(AbortGrace, ct);
            context.Abort();
        }
    }
}
