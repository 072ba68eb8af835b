using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>feature-extraction</c> and <c>sentence-similarity</c>: deterministic 384-dimension unit vectors from hashed word
/// features (see <see cref="TextEmbedder"/>). Shapes: <c>sentence-similarity</c> gives <c>output: [v...]</c> (flat);
/// <c>feature-extraction</c> gives <c>output: [[v...]]</c> (the embedding is <c>output[0]</c>), or for a model with
/// <see cref="EmulatedModel.TokenEmbeddings"/> <c>output: [[[t1...], [t2...], ...]]</c>: <c>output[0]</c> is a
/// token x dimension matrix with one unit vector per content word, which clients mean-pool.
/// </summary>
internal sealed class TextEmbeddingBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string text = RequestReader.Text(request, request.Model.Task);
        if (request.Model.Task == EmulatedTasks.SentenceSimilarity)
        {
            return Output(Vectors.ToJson(TextEmbedder.Embed(text)));
        }

        JsonArray embedding = request.Model.TokenEmbeddings
            ? Vectors.ToJson(TextEmbedder.EmbedTokens(text))
            : Vectors.ToJson(TextEmbedder.Embed(text));
        return Output(new JsonArray(embedding));
    }
}
