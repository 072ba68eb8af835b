using Microsoft.Extensions.Logging;

namespace Bytez.AI.TestSupport;

/// <summary>One log call a <see cref="CapturingLoggerFactory"/> saw.</summary>
/// <param name="Level">The level.</param>
/// <param name="Id">The event id.</param>
/// <param name="Category">The logger's category.</param>
/// <param name="Message">The formatted message alone.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
/// <param name="State">The structured values (<c>key=value</c>, comma-separated), or empty.</param>
public sealed record CapturedLogEntry(LogLevel Level, EventId Id, string Category, string Message, Exception? Exception, string State)
{
    /// <summary>Gets everything logged, on one line (plus the exception's text): <c>Level Category[Id] Message {State}</c>.</summary>
    public string Line
    {
        get
        {
            string line = $"{Level} {Category}[{Id.Id}] {Message}" + (State.Length == 0 ? string.Empty : " {" + State + "}");
            return Exception is null ? line : line + "\n" + Exception;
        }
    }
}
