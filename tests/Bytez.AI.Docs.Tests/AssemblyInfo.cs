// A snippet run redirects Console.Out and sets environment variables (process-wide): the runs go one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
