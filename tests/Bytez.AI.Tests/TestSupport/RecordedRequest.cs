namespace Bytez.AI.Tests.TestSupport;

/// <summary>What a test handler saw of one request.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string UserAgent,
    string? ContentType,
    string? Body)
{
    /// <summary>Gets the <c>provider-key</c> header, when the request had one.</summary>
    public string? ProviderKey { get; init; }

    /// <summary>Gets the path and query relative to the test endpoint, such as <c>model/list?task=x</c>.</summary>
    public string RelativePath => TestClients.Endpoint.MakeRelativeUri(Uri).OriginalString;
}
