namespace Bytez.AI.Protocol;

/// <summary>What a run asks the server to answer with.</summary>
internal enum BytezRunMode
{
    /// <summary>A JSON result.</summary>
    Json,

    /// <summary>A raw UTF-8 text stream (<c>"stream": true</c>).</summary>
    TextStream,

    /// <summary>Media bytes: raw bytes in v2 (<c>"json": false</c>), base64 in the JSON result in v1.</summary>
    Media,
}
