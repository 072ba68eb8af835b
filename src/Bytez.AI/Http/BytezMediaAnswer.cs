using System.Text.Json;

namespace Bytez.AI.Http;

/// <summary>The answer to a request that may return raw media: either the bytes (and their content type) or a JSON body.</summary>
/// <param name="Bytes">The raw body, when it was not JSON.</param>
/// <param name="MediaType">The <c>Content-Type</c> media type of the raw body, when the server sent one.</param>
/// <param name="Json">The JSON body (already checked for an <c>error</c>), when the server answered JSON.</param>
internal sealed record BytezMediaAnswer(byte[]? Bytes, string? MediaType, JsonElement? Json);
