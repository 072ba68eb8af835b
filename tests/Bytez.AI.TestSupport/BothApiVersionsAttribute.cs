using System.Reflection;
using Xunit.Sdk;

namespace Bytez.AI.TestSupport;

/// <summary>
/// Runs a theory once per API generation: <see cref="BytezApiVersion.V1"/> and <see cref="BytezApiVersion.V2"/>, as its
/// first argument; any further arguments come from <see cref="With"/> (each row runs on both generations).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BothApiVersionsAttribute : DataAttribute
{
    /// <summary>Initializes a new instance of the <see cref="BothApiVersionsAttribute"/> class.</summary>
    /// <param name="with">Extra arguments after the generation.</param>
    public BothApiVersionsAttribute(params object[] with)
    {
        With = with;
    }

    /// <summary>Gets the arguments passed after the generation.</summary>
    public object[] With { get; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [BytezApiVersion.V1, .. With];
        yield return [BytezApiVersion.V2, .. With];
    }
}
