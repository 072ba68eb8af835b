using Bytez.AI.Samples;
using Bytez.AI.Samples.Rag;

return await SampleConsole.RunAsync(args, RagApp.RunAsync);
