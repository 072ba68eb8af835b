using System.Reflection;
using static Bytez.AI.TestSupport.TypeReferences;

namespace Bytez.AI.Emulator.Tests.Architecture;

/// <summary>
/// The emulator's two halves (src/Bytez.AI.Emulator/Behaviors/README.md): the protocol core reaches content only through
/// the contract and registry in <c>Behaviors/</c>' root, and the content knows nothing of the server. Checked on the
/// compiled assembly (signatures and method bodies), so a shortcut fails here rather than in review.
/// </summary>
public sealed class EmulatorLayeringTests
{
    private static readonly Assembly Emulator = typeof(BytezEmulator).Assembly;

    /// <summary>The protocol core: server, endpoints, lifecycle, catalog, scripting, faults, request log.</summary>
    private static readonly string[] CoreNamespaces =
        ["Bytez.AI.Emulator.Server", "Bytez.AI.Emulator.Endpoints", "Bytez.AI.Emulator.Lifecycle", "Bytez.AI.Emulator.Catalog", "Bytez.AI.Emulator.Scripting", "Bytez.AI.Emulator.Faults", "Bytez.AI.Emulator.Logging"];

    /// <summary>The content behaviours below the contract: tasks, text, tool models, input parsing, media encoders.</summary>
    private static readonly string[] ContentNamespaces =
        ["Bytez.AI.Emulator.Behaviors.Tasks", "Bytez.AI.Emulator.Behaviors.Text", "Bytez.AI.Emulator.Behaviors.Tools", "Bytez.AI.Emulator.Behaviors.Input", "Bytez.AI.Emulator.Behaviors.Media"];

    /// <summary>
    /// The OpenAI-compatible endpoint answers native tool calls and <c>json_schema</c> formats itself (a real provider does
    /// that server-side), with the tool models' planner and the schema filler: the one place the core uses content.
    /// </summary>
    private const string OpenAIEndpoint = "Bytez.AI.Emulator.Endpoints.OpenAI";

    [Fact]
    public void The_protocol_core_uses_content_only_through_the_contract_except_the_OpenAI_endpoint()
    {
        Type[] core = [.. Emulator.GetTypes().Where(t => InNamespaces(t, CoreNamespaces) && !InNamespaces(t, [OpenAIEndpoint]))];

        Assert.Contains(core, t => t.Namespace == "Bytez.AI.Emulator.Endpoints");
        Assert.Empty(Violations(core, used => InNamespaces(used, ContentNamespaces)));

        // The check sees such uses: the exempted endpoint has them (its planner and schema filler calls).
        Type[] openAI = [.. Emulator.GetTypes().Where(t => InNamespaces(t, [OpenAIEndpoint]))];
        Assert.Contains(Violations(openAI, used => InNamespaces(used, ContentNamespaces)), v => v.Contains("SchemaFiller", StringComparison.Ordinal));
    }

    [Fact]
    public void The_content_behaviours_know_nothing_of_the_server()
    {
        Type[] content = [.. Emulator.GetTypes().Where(t => InNamespaces(t, ContentNamespaces))];

        Assert.Contains(content, t => t.Namespace == "Bytez.AI.Emulator.Behaviors.Tasks");
        Assert.Empty(Violations(content, used => used.Assembly == Emulator && InNamespaces(used, CoreNamespaces)));
    }

}
