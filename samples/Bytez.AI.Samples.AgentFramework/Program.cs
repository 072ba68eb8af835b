using Bytez.AI.Samples;
using Bytez.AI.Samples.AgentFramework;

return await SampleConsole.RunAsync(args, AgentFrameworkApp.RunAsync);
