using Bytez.AI.Samples;
using Bytez.AI.Samples.Tour;

return await SampleConsole.RunAsync(args, TourApp.RunAsync);
