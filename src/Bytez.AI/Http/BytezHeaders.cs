namespace Bytez.AI.Http;

/// <summary>Header names of the Bytez protocol beyond the standard ones.</summary>
internal static class BytezHeaders
{
    /// <summary>The closed-source provider's own API key on a v2 run (wire reference §3.1, §3.9); a secret, like the API key.</summary>
    public const string ProviderKey = "provider-key";
}
