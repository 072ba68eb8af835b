using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>visual-question-answering</c>: <c>[{"answer","score"}]</c> from <c>image</c> and <c>question</c> (both required).
/// Colour questions get the scene's colour, "how many" gets <c>2</c>, yes/no questions get <c>yes</c>, anything else
/// the scene's subject (an animal when the question asks about one).
/// </summary>
internal sealed class VisualQuestionAnsweringBehavior : TaskBehaviorBase
{
    private static readonly string[] YesNoStarts = ["is ", "are ", "does ", "do ", "can ", "was ", "were ", "will ", "has ", "have "];

    public static string Answer(ImageScene scene, MediaInput media, string question)
    {
        string q = question.Trim().ToLowerInvariant();
        if (q.Contains("color", StringComparison.Ordinal) || q.Contains("colour", StringComparison.Ordinal))
        {
            return scene.Color;
        }

        if (q.StartsWith("how many", StringComparison.Ordinal))
        {
            return "2";
        }

        if (Array.Exists(YesNoStarts, s => q.StartsWith(s, StringComparison.Ordinal)))
        {
            return "yes";
        }

        if (q.Contains("animal", StringComparison.Ordinal) && scene.Category != "animal")
        {
            return ImageScene.Animals[(int)(media.Seed % (ulong)ImageScene.Animals.Count)].Subject;
        }

        return scene.Subject;
    }

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string task = request.Model.Task;
        MediaInput media = MediaInput.Read(request, task, ImageMembers.Image);
        string question = RequestReader.RequiredString(request, task, "question");
        string answer = Answer(ImageScene.For(media), media, question);
        double score = Scores.Between(StableHash.Combine(media.Seed, StableHash.Fnv1a(question)), 0.6, 0.99);
        return Output(new JsonArray(new JsonObject { ["answer"] = answer, ["score"] = score }));
    }
}
