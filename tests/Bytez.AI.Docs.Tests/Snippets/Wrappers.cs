using Bytez.AI.Docs.Tests.Running;

namespace Bytez.AI.Docs.Tests.Snippets;

/// <summary>
/// The wrappers the documentation's fragments compile in. Wrapper code names every type in full (<c>global::</c>) and
/// adds no using directive unless it says so, so a block that forgets one of its own usings fails to compile.
/// </summary>
internal static class Wrappers
{
    /// <summary>The host type wrapper code calls.</summary>
    public const string Host = "global::Bytez.AI.Docs.Tests.Running.SnippetHost";

    /// <summary>The Bytez model the tool-calling fragments use (a Hermes-format model in the emulator's catalog).</summary>
    public const string ToolModel = "Qwen/Qwen2.5-7B-Instruct";

    /// <summary>Gets the wrapper of a complete program: nothing is added.</summary>
    public static SnippetWrapper Complete { get; } = new("nothing: the block is a complete program");

    /// <summary>Gets the wrapper giving <c>client</c>, as the <c>create-client</c> block makes one for Bytez.</summary>
    public static SnippetWrapper Client { get; } = new("`client`: a BytezClient for the emulator (emulator.CreateClient()), as the block 'create-client' makes one for Bytez")
    {
        Before = $"using global::Bytez.AI.BytezClient client = {Host}.Emulator.CreateClient();",
    };

    /// <summary>Gets the wrapper giving <c>client</c> on the legacy v1 API, as the block's comment says it is made.</summary>
    public static SnippetWrapper V1Client { get; } = new("`client`: a BytezClient for the emulator with ApiVersion = BytezApiVersion.V1 (emulator.CreateClientOptions())")
    {
        Before = $"global::Bytez.AI.BytezClientOptions v1Options = {Host}.Emulator.CreateClientOptions();\n" +
            "v1Options.ApiVersion = global::Bytez.AI.BytezApiVersion.V1;\n" +
            "using global::Bytez.AI.BytezClient client = new(v1Options);",
    };

    /// <summary>Gets the wrapper of a program configured as a host is: environment variables naming the emulator.</summary>
    public static SnippetWrapper Configuration { get; } = new(
        "configuration in environment variables, which a host reads: BYTEZ_API_KEY, Bytez__Endpoint (the emulator), Bytez__LoadPollInterval (20 ms); Logging__LogLevel__Default=Warning keeps the console to what the program prints")
    {
        Environment = emulator => new Dictionary<string, string?>
        {
            ["BYTEZ_API_KEY"] = "bz-docs-key",
            ["Bytez__Endpoint"] = emulator.Endpoint.ToString(),
            ["Bytez__LoadPollInterval"] = "00:00:00.020",
            ["Logging__LogLevel__Default"] = "Warning",
        },
    };

    /// <summary>Gets the wrapper of a block of xunit test classes: runs every <c>[Fact]</c>.</summary>
    public static SnippetWrapper XunitFacts { get; } = new("a runner for the block's [Fact] methods (each on a new instance, as xunit does)")
    {
        After = $"await {Host}.RunFactsAsync(global::System.Reflection.Assembly.GetExecutingAssembly());",
    };

    /// <summary>Gets statements declaring a plain text chat client with no tool API (prompt tool calling off), over the tool model.</summary>
    /// <param name="name">The variable name the fragment uses.</param>
    /// <returns>The statements.</returns>
    public static string TextOnlyChatClient(string name) =>
        $"using global::Bytez.AI.BytezClient wrapperClient = {Host}.Emulator.CreateClient();\n" +
        $"using global::Microsoft.Extensions.AI.IChatClient {name} = global::Microsoft.Extensions.AI.BytezModelExtensions.AsIChatClient(" +
        $"wrapperClient.GetModel(\"{ToolModel}\"), new global::Bytez.AI.BytezChatClientOptions {{ PromptToolCalling = false }});";
}
