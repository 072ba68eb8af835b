using Bytez.AI.Emulator.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bytez.AI.Emulator.Server;

/// <summary>Writes a <see cref="RenderedResponse"/>: non-streamed bodies at once, streams chunk by chunk with a flush each.</summary>
internal static class ResponseWriter
{
    private static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(100);

    public static async Task WriteAsync(HttpContext context, RenderedResponse response, TimeSpan chunkDelay, TimeProvider time)
    {
        var ct = context.RequestAborted;
        if (response.NeverAnswer)
        {
            await HangAsync(context);
            return;
        }

        if (response.EchoKey)
        {
            response = FaultShaper.KeyEchoPage(ApiKeyValidator.KeyFromHeader(context.Request) ?? string.Empty);
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        if (response.ReasonPhrase is not null && context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = response.ReasonPhrase;
        }

        if (response.RedirectsToOtherHost)
        {
            context.Response.Headers.Location = FaultShaper.OtherHostLocation(context.Request);
        }

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

        if (response.RepeatForever is { } endless)
        {
            await RepeatAsync(context, endless);
            return;
        }

        if (response.StallAfter)
        {
            await HangAsync(context);
            return;
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

    /// <summary>Sends nothing more until the caller goes away or the emulator stops (then the connection is aborted).</summary>
    private static async Task HangAsync(HttpContext context)
    {
        using var until = UntilGone(context);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, until.Token);
        }
        catch (OperationCanceledException)
        {
            // The caller went away, or the emulator is stopping.
        }

        context.Abort();
    }

    /// <summary>Writes <paramref name="chunk"/> again and again until the caller goes away or the emulator stops.</summary>
    private static async Task RepeatAsync(HttpContext context, byte[] chunk)
    {
        using var until = UntilGone(context);
        try
        {
            while (true)
            {
                await context.Response.Body.WriteAsync(chunk, until.Token);
                await context.Response.Body.FlushAsync(until.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The caller stopped reading and went away, or the emulator is stopping.
        }

        context.Abort();
    }

    private static CancellationTokenSource UntilGone(HttpContext context)
    {
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        return CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
    }
}
