using Bytez.AI.Samples;
using Bytez.AI.Samples.SkAgent;

return await SampleConsole.RunAsync(args, SkAgentApp.RunAsync);
