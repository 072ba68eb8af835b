using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Collects what one <see cref="IToolCallStreamParser.Feed"/> returns: adjacent text pieces become one
/// <see cref="TextContent"/> and adjacent reasoning pieces one <see cref="TextReasoningContent"/>, in output order.
/// </summary>
internal sealed class ContentSink
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _reasoning = new();
    private List<AIContent> _items = [];

    public void Text(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        FlushReasoning();
        _text.Append(text);
    }

    public void Reasoning(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        FlushText();
        _reasoning.Append(text);
    }

    public void Add(AIContent content)
    {
        FlushText();
        FlushReasoning();
        _items.Add(content);
    }

    /// <summary>Returns everything collected and starts over (an empty result allocates nothing).</summary>
    public IReadOnlyList<AIContent> Take()
    {
        FlushText();
        FlushReasoning();
        if (_items.Count == 0)
        {
            return [];
        }

        var items = _items;
        _items = [];
        return items;
    }

    private void FlushText()
    {
        if (_text.Length > 0)
        {
            _items.Add(new TextContent(_text.ToString()));
            _text.Clear();
        }
    }

    private void FlushReasoning()
    {
        if (_reasoning.Length > 0)
        {
            _items.Add(new TextReasoningContent(_reasoning.ToString()));
            _reasoning.Clear();
        }
    }
}
