using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>feature-extraction</c> and <c>sentence-similarity</c>: deterministic unit vectors from hashed word features (see
/// <see cref="TextEmbedder"/>), as wide as the model's <see cref="EmulatedModel.EmbeddingDimensions"/> (384 unless set). Shapes: <c>sentence-similarity</c> gives <c>output: [v...]</c> (flat);
/// <c>feature-extraction</c> gives <c>output: [[v...]]</c> (the embedding is <c>output[0]</c>), or for a model with
/// <see cref="EmulatedModel.TokenEmbeddings"/> <c>output: [[[t1...], [t2...], ...]]</c>: <c>output[0]</c> is a
/// token x dimension matrix with one unit vector per content word, which clients mean-pool.
/// </summary>
internal sealed class TextEmbeddingBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string text = RequestReader.Text(request, request.Model.Task);
        int dimensions = request.Model.EmbeddingDimensions ?? TextEmbedder.Dimensions;
        if (request.Model.Task == EmulatedTasks.SentenceSimilarity)
        {
            return Output(Vectors.ToJson(TextEmbedder.Embed(text, dimensions)));
        }

        JsonArray embedding = request.Model.TokenEmbeddings
            ? Vectors.ToJson(TextEmbedder.EmbedTokens(text, dimensions))
            : Vectors.ToJson(TextEmbedder.Embed(text, dimensions));
        return Output(new JsonArray(embedding));
    }
}
