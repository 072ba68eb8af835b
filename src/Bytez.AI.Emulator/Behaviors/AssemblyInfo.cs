using System.Runtime.CompilerServices;

// The behaviour tests exercise the hashing, tokenising and media helpers directly.
[assembly: InternalsVisibleTo("Bytez.AI.Emulator.Behaviors.Tests")]
