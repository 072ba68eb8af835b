namespace Bytez.AI.Tests.ChatCompletion;

/// <summary>The person of M.E.AI's structured-output scenarios (<c>GetResponseAsync&lt;Person&gt;</c>), shared by both chat routes' conformance tests.</summary>
internal sealed class Person
{
    public string? FullName { get; set; }

    public int AgeInYears { get; set; }

    public string? HomeTown { get; set; }

    public JobType Job { get; set; }
}

/// <summary>The job enum of M.E.AI's structured-output scenarios.</summary>
internal enum JobType
{
    Wombat,
    PopStar,
    Programmer,
    Unknown,
}
