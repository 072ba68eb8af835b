using System.Text;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Builds a rendered message list, optionally merging consecutive messages of one role (for templates that require
/// alternating roles, e.g. Mistral's). A merged message is built once in a <see cref="StringBuilder"/>, so merging a long
/// history costs time linear in its size.
/// </summary>
internal sealed class PromptMessageBuilder
{
    private readonly List<ToolPromptMessage> _messages = [];
    private readonly StringBuilder _content = new();
    private readonly bool _mergeSameRole;
    private string? _role;

    /// <param name="mergeSameRole">Whether a message of the same role as the previous one is appended to it (after a blank line).</param>
    public PromptMessageBuilder(bool mergeSameRole = false)
    {
        _mergeSameRole = mergeSameRole;
    }

    /// <summary>Gets the role of the last message added, or null.</summary>
    public string? LastRole => _role;

    /// <summary>Adds a message.</summary>
    public void Add(string role, string content)
    {
        if (_mergeSameRole && _role == role)
        {
            _content.Append("\n\n").Append(content);
            return;
        }

        Flush();
        _role = role;
        _content.Append(content);
    }

    /// <summary>Returns the messages.</summary>
    public List<ToolPromptMessage> Build()
    {
        Flush();
        return _messages;
    }

    private void Flush()
    {
        if (_role is not null)
        {
            _messages.Add(new ToolPromptMessage(_role, _content.ToString()));
            _content.Clear();
            _role = null;
        }
    }
}
