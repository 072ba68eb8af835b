using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>document-question-answering</c>: <c>[{"answer","score","start","end"}]</c> from <c>image</c> and <c>question</c>.
/// The emulator reads no document; it answers from a fixed invoice (total <c>$154.06</c>, date <c>01/02/2024</c>,
/// invoice number <c>US-001</c>, customer <c>John Smith</c>). <c>start</c>/<c>end</c> are word indices into the
/// document's words, as the pipeline reports them.
/// </summary>
internal sealed class DocumentQuestionAnsweringBehavior : TaskBehaviorBase
{
    private static readonly (string[] Keys, string Answer, int Start)[] Invoice =
    [
        (["total", "cost", "amount", "due", "pay", "price", "balance"], "$154.06", 61),
        (["date", "when"], "01/02/2024", 12),
        (["number", "invoice no", "invoice #", "id"], "US-001", 8),
        (["who", "name", "customer", "bill to", "client"], "John Smith", 17),
        (["tax", "vat"], "$9.06", 58),
        (["address", "where"], "2 Court Square, New York, NY 12210", 20),
    ];

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string task = request.Model.Task;
        MediaInput media = MediaInput.Read(request, task, ImageMembers.Image);
        string question = RequestReader.RequiredString(request, task, "question");
        string q = question.ToLowerInvariant();

        (string[] _, string answer, int start) = Array.Find(Invoice, e => e.Keys.Any(k => q.Contains(k, StringComparison.Ordinal))) is { Answer: not null } found
            ? found
            : Invoice[0];
        int end = start + WordTokenizer.SplitWhitespace(answer).Length - 1;
        double score = Scores.Between(StableHash.Combine(media.Seed, StableHash.Fnv1a(question)), 0.5, 0.99);
        return Output(new JsonArray(new JsonObject { ["answer"] = answer, ["score"] = score, ["start"] = start, ["end"] = end }));
    }
}
