namespace Bytez.AI.Http;

/// <summary>
/// One request as the protocol layer builds it: method, path relative to the endpoint, JSON body, and the
/// <c>provider-key</c> header value when a closed-source model needs one. The transport sends it without knowing which
/// generation of the API it belongs to.
/// </summary>
/// <remarks>A class, not a record, so that no generated <c>ToString</c> can ever print the provider key.</remarks>
internal sealed class BytezRequest
{
    public BytezRequest(HttpMethod method, string path, byte[]? body = null, string? providerKey = null)
    {
        Method = method;
        Path = path;
        Body = body;
        ProviderKey = providerKey;
    }

    public HttpMethod Method { get; }

    /// <summary>Gets the path relative to the endpoint; a model id's slash stays literal (<c>models/v2/org/name</c>).</summary>
    public string Path { get; }

    public byte[]? Body { get; }

    /// <summary>Gets the value of the <c>provider-key</c> header, or null to send none.</summary>
    public string? ProviderKey { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}";
}
