using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>image-feature-extraction</c>: <c>output: [[v...]]</c>, an array holding one unit vector as wide as the model's
/// <see cref="EmulatedModel.EmbeddingDimensions"/> (384 unless set). The
/// vector is the text embedding of the image's caption (URL words or the hash-chosen scene) plus a smaller part hashed
/// from the input itself, so an image of cats lands near the text "cat" and two different inputs never coincide.
/// </summary>
internal sealed class ImageFeatureExtractionBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        MediaInput media = MediaInput.Read(request, request.Model.Task, "image", "url", "base64", "b64ImageBufferPng");
        string caption = media.Words.Count > 0 ? string.Join(' ', media.Words) : ImageScene.For(media).Caption;
        int dimensions = request.Model.EmbeddingDimensions ?? TextEmbedder.Dimensions;
        float[] semantic = TextEmbedder.Embed(caption, dimensions);
        float[] identity = TextEmbedder.EmbedBytes(BitConverter.GetBytes(media.Seed), dimensions);

        var combined = new float[semantic.Length];
        double norm = 0;
        for (int i = 0; i < combined.Length; i++)
        {
            combined[i] = semantic[i] + (0.3f * identity[i]);
            norm += combined[i] * (double)combined[i];
        }

        float scale = (float)(1 / Math.Sqrt(norm));
        for (int i = 0; i < combined.Length; i++)
        {
            combined[i] *= scale;
        }

        return Output(new JsonArray(Vectors.ToJson(combined)));
    }
}
