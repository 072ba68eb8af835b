#if !NET9_0_OR_GREATER
namespace Bytez.AI.Emulator;

/// <summary>
/// net8.0 has no <c>System.Threading.Lock</c>: there, <c>lock</c> on this object takes its monitor, as every lock did
/// before .NET 9. On net10.0 the fields typed <c>Lock</c> are the real one.
/// </summary>
internal sealed class Lock;
#endif
