namespace Bytez.AI.Extensions.AI.Tests.ChatClient;

internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
