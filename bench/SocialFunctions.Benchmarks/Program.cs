using BenchmarkDotNet.Running;

// ./run.sh bench [BenchmarkDotNet arguments], e.g. ./run.sh bench --filter '*Parse*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
