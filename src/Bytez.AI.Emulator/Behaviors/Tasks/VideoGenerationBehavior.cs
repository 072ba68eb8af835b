using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Media;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>text-to-video</c>: top-level <c>output_mp4</c>, the base64 of a tiny structurally valid MP4 (<c>ftyp</c> + an
/// <c>mdat</c> holding 16 bytes hashed from the prompt; no <c>moov</c>, so it does not play). See <see cref="Mp4Writer"/>.
/// </summary>
internal sealed class VideoGenerationBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string text = RequestReader.Text(request, request.Model.Task);
        ulong hash = StableHash.Fnv1a(text);
        Span<byte> payload = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(payload, hash);
        BinaryPrimitives.WriteUInt64BigEndian(payload[8..], StableHash.Mix(hash));
        return new JsonObject { ["output_mp4"] = Convert.ToBase64String(Mp4Writer.Create(payload)) };
    }
}
