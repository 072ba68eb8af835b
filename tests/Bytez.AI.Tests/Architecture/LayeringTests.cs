using System.Reflection;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;
using static Bytez.AI.TestSupport.TypeReferences;

namespace Bytez.AI.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md, checked on the compiled assemblies (signatures and method bodies), so a
/// change that breaks the layering fails here rather than in review.
/// </summary>
public class LayeringTests
{
    private static readonly Assembly Core = typeof(BytezClient).Assembly;

    /// <summary>The transport layer: HTTP, JSON, retries, streaming, logging. It knows nothing of M.E.AI or the layers above.</summary>
    private static readonly string[] TransportNamespaces = ["Bytez.AI.Http", "Bytez.AI.Serialization", "Bytez.AI.Streaming", "Bytez.AI.Resilience", "Bytez.AI.Logging"];

    /// <summary>The M.E.AI adapters and what only they use.</summary>
    private static readonly string[] AdapterNamespaces = ["Bytez.AI.Adapters", "Bytez.AI.ChatCompletion", "Bytez.AI.Embeddings", "Bytez.AI.Images", "Bytez.AI.Speech", "Bytez.AI.Mapping", "Bytez.AI.OpenAICompatible", "Bytez.AI.ToolCalling"];

    [Fact]
    public void Transport_uses_nothing_from_Microsoft_Extensions_AI_the_lifecycle_or_the_adapters()
    {
        string[] forbidden = [.. AdapterNamespaces, "Bytez.AI.Lifecycle"];

        Type[] transport = [.. Core.GetTypes().Where(t => TransportNamespaces.Contains(t.Namespace))];

        Assert.Contains(transport, t => t.Namespace == "Bytez.AI.Http");
        Assert.Empty(Violations(transport, used => IsMicrosoftExtensionsAI(used) || InNamespaces(used, forbidden)));
    }

    [Fact]
    public void Protocol_never_uses_the_adapters_or_tool_calling()
    {
        // The protocol is the Bytez.AI namespace (BytezClient, BytezModel, BytezRunResult, the exceptions, ...) and the
        // transport under it. The adapters' public options live in that namespace for discoverability but belong to the
        // adapter layer (they derive from BytezInstanceOptions).
        IEnumerable<Type> protocol = Core.GetTypes().Where(t =>
            (t.Namespace == "Bytez.AI" || TransportNamespaces.Contains(t.Namespace)) &&
            !typeof(BytezInstanceOptions).IsAssignableFrom(Outermost(t)));

        Assert.Empty(Violations(protocol, used => InNamespaces(used, AdapterNamespaces)));
    }

    [Fact]
    public void ToolCalling_references_no_Bytez_assembly()
    {
        Assembly toolCalling = typeof(ToolCallFormat).Assembly;

        Assert.DoesNotContain(toolCalling.GetReferencedAssemblies(), a => a.Name == Core.GetName().Name || a.Name!.StartsWith("Bytez.AI.", StringComparison.Ordinal));
        Assert.Empty(Violations(toolCalling.GetTypes(), used => used.Assembly != toolCalling && used.Namespace?.StartsWith("Bytez.", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void The_scan_sees_references_inside_method_bodies()
    {
        // AsIChatClient creates the middleware only inside its body: the rules above can only fail if this is seen.
        Assert.Contains(typeof(PromptToolCallingChatClient), TypeReferences.Of(typeof(BytezModelExtensions)));
    }

    private static bool IsMicrosoftExtensionsAI(Type type) =>
        type.Assembly.GetName().Name is "Microsoft.Extensions.AI" or "Microsoft.Extensions.AI.Abstractions" or "Microsoft.Extensions.AI.OpenAI" or "OpenAI" or "System.ClientModel";

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }
}
