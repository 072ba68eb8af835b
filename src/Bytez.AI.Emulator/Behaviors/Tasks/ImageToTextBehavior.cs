using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary><c>image-to-text</c>: <c>[{"generated_text": caption}]</c>, the <see cref="ImageScene"/> caption, cut to <c>max_new_tokens</c> words.</summary>
internal sealed class ImageToTextBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        MediaInput media = MediaInput.Read(request, request.Model.Task, ImageMembers.Image);
        string caption = ImageScene.For(media).Caption;
        if (RequestReader.IntParam(request.Parameters, "max_new_tokens") is int limit)
        {
            caption = WordTokenizer.TruncateWords(caption, Math.Max(1, limit));
        }

        return Output(new JsonArray(new JsonObject { ["generated_text"] = caption }));
    }
}
