namespace Bytez.AI.Emulator.Behaviors;

/// <summary>An input the emulated model cannot take; answered as HTTP 422 <c>{"error": message}</c> like a model container.</summary>
public sealed class EmulatorInputException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="EmulatorInputException"/> class.</summary>
    public EmulatorInputException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EmulatorInputException"/> class.</summary>
    /// <param name="message">What is wrong with the input.</param>
    public EmulatorInputException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EmulatorInputException"/> class.</summary>
    /// <param name="message">What is wrong with the input.</param>
    /// <param name="innerException">The cause.</param>
    public EmulatorInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
