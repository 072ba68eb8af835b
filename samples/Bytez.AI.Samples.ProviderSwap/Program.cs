using Bytez.AI.Samples;
using Bytez.AI.Samples.ProviderSwap;

return await SampleConsole.RunAsync(args, ProviderSwapApp.RunAsync);
