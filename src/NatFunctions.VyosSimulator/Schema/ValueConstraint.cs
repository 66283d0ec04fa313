namespace NatFunctions.VyosSimulator.Schema;

/// <summary>
/// A node's <c>&lt;constraint&gt;</c>: several validators are OR-ed (vyos-utils <c>validate_value</c>); when all fail,
/// their texts are printed, then the node's <c>constraintErrorMessage</c> (default <c>Invalid value</c>).
/// </summary>
internal sealed record ValueConstraint(IReadOnlyList<ValueValidator> Validators, string ErrorMessage = ValueConstraint.DefaultErrorMessage)
{
    public const string DefaultErrorMessage = "Invalid value";

    public ValueConstraint(ValueValidator validator, string errorMessage = DefaultErrorMessage)
        : this([validator], errorMessage)
    {
    }

    /// <summary>Null when the value is accepted, otherwise the lines VyOS prints before <c>Set failed</c>.</summary>
    public IReadOnlyList<string>? Check(string value)
    {
        if (Validators.Any(validator => validator.Accepts(value))) return null;

        var lines = Validators.Select(validator => validator.FailureText(value)).OfType<string>().ToList();

        // Layout of a real 1.4 capture (vyos/vyos-1x PR #1191): the validator text, three lines holding only the
        // indentation, then the constraint message.
        if (lines.Count > 0) lines.AddRange([string.Empty, string.Empty, string.Empty]);
        lines.Add(ErrorMessage);
        lines.Add("Value validation failed");
        return lines;
    }
}
