using Microsoft.SemanticKernel;

namespace Bytez.AI.Samples.SkAgent;

/// <summary>Prints every function the model asked the kernel to call, with its arguments and result.</summary>
/// <param name="output">Where to print.</param>
public sealed class PluginCallPrinter(TextWriter output) : IAutoFunctionInvocationFilter
{
    /// <inheritdoc />
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        var arguments = string.Join(", ", context.Arguments?.Select(a => $"{a.Key}: {a.Value}") ?? []);
        output.WriteLine($"  Plugin call: {context.Function.PluginName}.{context.Function.Name}({arguments}) -> {context.Result}");
    }
}
