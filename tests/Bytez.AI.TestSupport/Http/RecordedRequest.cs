using System.Text.Json.Nodes;

namespace Bytez.AI.TestSupport;

/// <summary>What a <see cref="RecordingHandler"/> saw of one request.</summary>
/// <param name="Method">The method.</param>
/// <param name="Uri">The absolute URI.</param>
/// <param name="Authorization">The Authorization header, if any.</param>
/// <param name="UserAgent">The User-Agent header.</param>
/// <param name="ContentType">The content type, if there is content.</param>
/// <param name="Body">The body text, if there is content.</param>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string UserAgent,
    string? ContentType,
    string? Body)
{
    /// <summary>Gets the Accept header, or null when the request sent none.</summary>
    public string? Accept { get; init; }
    /// <summary>Gets the <c>provider-key</c> header (a closed-source provider's key on a v2 run), when the request had one.</summary>
    public string? ProviderKey { get; init; }

    /// <summary>Gets the path and query relative to the host's root, such as <c>model/list?task=x</c>.</summary>
    public string RelativePath => new Uri(Uri.GetLeftPart(UriPartial.Authority) + "/").MakeRelativeUri(Uri).OriginalString;

    /// <summary>Gets the path without the leading slash or the query, such as <c>model/list</c>.</summary>
    public string Path => Uri.AbsolutePath.TrimStart('/');

    /// <summary>Gets the query, with its leading <c>?</c>, or empty.</summary>
    public string Query => Uri.Query;

    /// <summary>Gets the body parsed as a JSON object, or null when there is no body or it is not an object.</summary>
    public JsonObject? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body) as JsonObject;
}
