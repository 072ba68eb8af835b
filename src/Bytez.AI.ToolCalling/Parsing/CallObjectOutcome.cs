namespace Bytez.AI.ToolCalling;

/// <summary>How a JSON value was judged by <see cref="ToolCallParseContext.ReadCallObject"/>.</summary>
public enum CallObjectOutcome
{
    /// <summary>A call (possibly to an undeclared tool, inside an explicit marker).</summary>
    Call,

    /// <summary>Not a call: prose that happens to be JSON.</summary>
    NotACall,

    /// <summary>Inside an explicit marker but unusable: an error stands in for it.</summary>
    Invalid,
}
