using Microsoft.AspNetCore.Http;

namespace Bytez.AI.Emulator.Server;

/// <summary>Checks the caller's key: <c>Authorization: Key k</c>, <c>Bearer k</c> or the bare key (or the May-2024 body member <c>key</c>).</summary>
internal sealed class ApiKeyValidator(ICollection<string>? acceptedKeys)
{
    private readonly HashSet<string>? _accepted = acceptedKeys is null ? null : new HashSet<string>(acceptedKeys, StringComparer.Ordinal);

    public static string? KeyFromHeader(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }

        foreach (var scheme in (ReadOnlySpan<string>)["Key", "Bearer"])
        {
            // A scheme alone ("Key", "Bearer") carries no key at all: it must not pass as a bare key named "Key".
            if (header.Equals(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (header.Length > scheme.Length && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(header[scheme.Length]))
            {
                header = header[scheme.Length..].Trim();
                break;
            }
        }

        return header.Length == 0 ? null : header;
    }

    public bool IsAccepted(string? key) => !string.IsNullOrEmpty(key) && (_accepted is null || _accepted.Contains(key));
}
