namespace Bytez.AI.ToolCalling.Tests.Corpus;

/// <summary>One output of the corpus.</summary>
/// <param name="Source">Where the output comes from (test suite and file, or model card).</param>
/// <param name="Profile">The format and reasoning syntax it is parsed with (see <see cref="CorpusProfiles"/>).</param>
/// <param name="Output">The model's text.</param>
/// <param name="Expected">The expected <see cref="ContentDescriber.Describe"/> string.</param>
/// <param name="Note">Where the source expects something else: what, and why this library does not; null when they agree.</param>
internal sealed record CorpusCase(string Source, string Profile, string Output, string Expected, string? Note);
