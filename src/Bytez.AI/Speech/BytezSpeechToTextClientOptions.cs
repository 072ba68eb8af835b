namespace Bytez.AI;

/// <summary>Options of the Bytez <c>ISpeechToTextClient</c> (instance management; the per-call settings are <c>SpeechToTextOptions</c>).</summary>
public sealed class BytezSpeechToTextClientOptions : BytezInstanceOptions
{
}
