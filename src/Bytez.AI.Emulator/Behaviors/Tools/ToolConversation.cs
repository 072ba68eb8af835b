using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>A chat prompt as a tool model reads it: the declared tools, the question, and the call rounds since the question.</summary>
/// <param name="Tools">The declared tools (empty when the prompt declares none).</param>
/// <param name="Query">The user's question, without the tool scaffolding.</param>
/// <param name="Requirement">Whether the prompt requires a call.</param>
/// <param name="PlainTurns">The conversation without tool declarations, for an ordinary chat reply.</param>
internal sealed record ToolConversation(List<ToolDeclaration> Tools, string Query, ToolRequirement Requirement, List<ChatTurn> PlainTurns)
{
    /// <summary>Gets the call rounds since the question, in order.</summary>
    public List<ToolRound> Rounds { get; } = [];

    /// <summary>Gets or sets a value indicating whether the last message holds tool results (so the model answers or continues).</summary>
    public bool EndsWithResults { get; set; }

    /// <summary>Whether the conversation involves tools at all; otherwise the model is an ordinary chat model.</summary>
    public bool HasTools => Tools.Count > 0 || Rounds.Count > 0;

    /// <summary>Starts a new round for an assistant turn of calls.</summary>
    public ToolRound StartRound()
    {
        var round = new ToolRound();
        Rounds.Add(round);
        return round;
    }

    /// <summary>The round results are added to: the last one, or a new one when results arrive without calls.</summary>
    public ToolRound CurrentRound() => Rounds.Count > 0 ? Rounds[^1] : StartRound();
}
