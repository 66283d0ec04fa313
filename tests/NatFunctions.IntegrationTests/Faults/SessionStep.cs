namespace NatFunctions.IntegrationTests.Faults;

/// <summary>The steps of a commit-confirm session after which a test cuts the connection.</summary>
public enum SessionStep
{
    CommitConfirm,
    ReadBack,
    Confirm,
}
