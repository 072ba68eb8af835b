using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.Mapping;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.Mapping;

/// <summary>Unit tests of the <c>params</c> builder shared by the adapters (no network).</summary>
public sealed class BytezParametersTests
{
    [Fact]
    public void RawRepresentation_IsCopied_AndAnythingElseIsIgnored()
    {
        var raw = new JsonObject { ["a"] = 1 };

        JsonObject copy = BytezParameters.Start(raw, null);
        copy["b"] = 2;

        Assert.False(raw.ContainsKey("b"));
        Assert.Empty(BytezParameters.Start("not json", null));
        Assert.Empty(BytezParameters.Start(null, null));
    }

    [Fact]
    public void AdditionalProperties_FillOnlyWhatTheRawObjectLacks_AndConvertCommonTypes()
    {
        var raw = new JsonObject { ["temperature"] = 0.1 };
        var additional = new AdditionalPropertiesDictionary
        {
            ["temperature"] = 0.9,
            ["text"] = "t",
            ["flag"] = true,
            ["int"] = 3,
            ["long"] = 4L,
            ["float"] = 0.5f,
            ["decimal"] = 1.25m,
            ["short"] = (short)7,
            ["null"] = null,
            ["node"] = new JsonArray(1, 2),
            ["element"] = JsonDocument.Parse("{\"x\":1}").RootElement,
            ["list"] = new List<string> { "a", "b" },
            ["dictionary"] = new Dictionary<string, object?> { ["k"] = "v" },
        };

        JsonObject parameters = BytezParameters.Start(raw, additional);

        JsonNode expected = JsonNode.Parse("""
            {"temperature":0.1,"text":"t","flag":true,"int":3,"long":4,"float":0.5,"decimal":1.25,"short":7,"null":null,
             "node":[1,2],"element":{"x":1},"list":["a","b"],"dictionary":{"k":"v"}}
            """)!;
        Assert.True(JsonNode.DeepEquals(expected, parameters), parameters.ToJsonString());
    }
}
