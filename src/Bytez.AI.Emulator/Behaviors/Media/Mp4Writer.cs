using System.Buffers.Binary;
using System.Text;

namespace Bytez.AI.Emulator.Behaviors.Media;

/// <summary>
/// Writes a tiny, structurally valid ISO-BMFF (MP4) file: an <c>ftyp</c> box (major brand <c>isom</c>) followed by an
/// <c>mdat</c> box holding the given bytes. There is no <c>moov</c> box, so players cannot play it; it only has to
/// look like an MP4 to clients that check the container signature.
/// </summary>
internal static class Mp4Writer
{
    /// <summary>Creates the file.</summary>
    /// <param name="payload">The bytes to put in <c>mdat</c> (the emulator puts a hash of the prompt there, so prompts give different files).</param>
    /// <returns>The MP4 bytes.</returns>
    public static byte[] Create(ReadOnlySpan<byte> payload)
    {
        string[] compatible = ["isom", "iso2", "mp41"];
        int ftypSize = 8 + 8 + (4 * compatible.Length);
        var file = new byte[ftypSize + 8 + payload.Length];
        Span<byte> s = file;

        BinaryPrimitives.WriteInt32BigEndian(s, ftypSize);
        Encoding.ASCII.GetBytes("ftyp", s[4..]);
        Encoding.ASCII.GetBytes("isom", s[8..]);
        BinaryPrimitives.WriteInt32BigEndian(s[12..], 512); // minor version
        for (int i = 0; i < compatible.Length; i++)
        {
            Encoding.ASCII.GetBytes(compatible[i], s[(16 + (4 * i))..]);
        }

        BinaryPrimitives.WriteInt32BigEndian(s[ftypSize..], 8 + payload.Length);
        Encoding.ASCII.GetBytes("mdat", s[(ftypSize + 4)..]);
        payload.CopyTo(s[(ftypSize + 8)..]);
        return file;
    }
}
