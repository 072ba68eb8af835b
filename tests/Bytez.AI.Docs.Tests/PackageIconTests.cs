using System.Buffers.Binary;
using System.Xml.Linq;
using Bytez.AI.Docs.Tests.Markdown;

namespace Bytez.AI.Docs.Tests;

/// <summary>The package icon is a 128x128 PNG in the repository, packed into every packable project.</summary>
public sealed class PackageIconTests
{
    [Fact]
    public void The_icon_is_a_128_by_128_PNG()
    {
        byte[] png = File.ReadAllBytes(Path.Combine(DocumentedFiles.Root, "eng", "icon.png"));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(128, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(128, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void Every_packable_project_packs_the_icon_as_its_PackageIcon()
    {
        var targets = XDocument.Load(Path.Combine(DocumentedFiles.Root, "Directory.Build.targets"));

        var icon = Assert.Single(targets.Descendants("PackageIcon"));
        Assert.Equal("icon.png", icon.Value);
        Assert.Equal("'$(IsPackable)' == 'true'", icon.Parent!.Attribute("Condition")?.Value);
        var packed = Assert.Single(targets.Descendants("None"), n => n.Attribute("Include")?.Value.EndsWith("eng/icon.png", StringComparison.Ordinal) == true);
        Assert.Equal("true", packed.Attribute("Pack")?.Value);
        Assert.Equal("\\", packed.Attribute("PackagePath")?.Value);
    }
}
