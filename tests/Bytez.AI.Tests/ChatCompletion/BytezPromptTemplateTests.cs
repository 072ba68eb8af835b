using Bytez.AI.ChatCompletion;

namespace Bytez.AI.Tests.ChatCompletion;

public class BytezPromptTemplateTests
{
    [Fact]
    public void SingleUserMessage_IsSentRaw()
    {
        string prompt = BytezPromptTemplate.Render([new("user", "Once upon a time")], out bool isTemplate);

        Assert.Equal("Once upon a time", prompt);
        Assert.False(isTemplate);
    }

    [Fact]
    public void Conversation_UsesTheDocumentedTemplate()
    {
        string prompt = BytezPromptTemplate.Render(
            [
                new("system", "You are terse."),
                new("user", "Pick a city"),
                new("assistant", "Seattle"),
                new("user", "Another"),
            ],
            out bool isTemplate);

        Assert.Equal("You are terse.\n\nUser: Pick a city\nAssistant: Seattle\nUser: Another\nAssistant:", prompt);
        Assert.True(isTemplate);
    }

    [Fact]
    public void SystemAndUser_UsesTheTemplate()
    {
        string prompt = BytezPromptTemplate.Render([new("system", "Be kind."), new("user", "Hi")], out bool isTemplate);

        Assert.Equal("Be kind.\n\nUser: Hi\nAssistant:", prompt);
        Assert.True(isTemplate);
    }
}
