namespace Bytez.AI.Tests.Adapters;

/// <summary>The M.E.AI conventions every Bytez adapter follows (they share <c>BytezAdapter</c>), asserted one way.</summary>
internal static class AdapterConventions
{
    /// <summary>
    /// Asserts <c>GetService</c> in Microsoft.Extensions.AI.OpenAI's order (a key gives null; then the metadata, built
    /// once with provider <c>bytez</c>, the endpoint and the model; <see cref="BytezModel"/>; <see cref="BytezClient"/>;
    /// the adapter itself; a null type throws) and that a middleware pipeline over the adapter still finds them.
    /// </summary>
    /// <typeparam name="TMetadata">The M.E.AI metadata type.</typeparam>
    /// <param name="env">The emulator and client the adapter was made from.</param>
    /// <param name="model">The model the adapter is bound to.</param>
    /// <param name="adapter">The adapter.</param>
    /// <param name="adapterInterface">The M.E.AI interface it implements.</param>
    /// <param name="getService">The adapter's <c>GetService</c>.</param>
    /// <param name="pipelineGetService">The <c>GetService</c> of a pipeline (logging, telemetry) built over it.</param>
    /// <param name="describe">Reads the metadata's provider name, provider URI and default model id.</param>
    public static void AssertGetService<TMetadata>(
        EmulatorFixture env,
        BytezModel model,
        object adapter,
        Type adapterInterface,
        Func<Type, object?, object?> getService,
        Func<Type, object?, object?> pipelineGetService,
        Func<TMetadata, (string? ProviderName, Uri? ProviderUri, string? DefaultModelId)> describe)
        where TMetadata : class
    {
        TMetadata metadata = Assert.IsType<TMetadata>(getService(typeof(TMetadata), null));
        Assert.Equal(("bytez", env.Endpoint, model.ModelId), describe(metadata));
        Assert.Same(metadata, getService(typeof(TMetadata), null));
        Assert.Same(model, getService(typeof(BytezModel), null));
        Assert.Same(env.Client, getService(typeof(BytezClient), null));
        Assert.Same(adapter, getService(adapterInterface, null));
        Assert.Null(getService(typeof(BytezModel), "key"));
        Assert.Throws<ArgumentNullException>(() => getService(null!, null));

        Assert.Same(model, pipelineGetService(typeof(BytezModel), null));
        Assert.Same(metadata, pipelineGetService(typeof(TMetadata), null));
    }
}
