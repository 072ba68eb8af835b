namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>The input members an image can arrive in, preferred first (v1 names, then v2 names).</summary>
internal static class ImageMembers
{
    public static readonly string[] Image = ["image", "b64ImageBufferPng", "url", "base64", "imageUrl"];

    public static readonly string[] MaskInput = ["b64ImageBufferPng", "image", "url", "base64"];

    public static readonly string[] Audio = ["b64AudioBufferWav", "audio", "url", "base64"];

    public static readonly string[] Video = ["mp4Url", "b64VideoBufferMp4", "video", "url", "base64"];
}
