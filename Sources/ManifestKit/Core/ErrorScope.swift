/// What an error finding of a rule leaves unusable: the rules that decide on a whole line from the other
/// findings (``LineVerdictRule``) read it from ``RuleDescription/errorScope``.
public enum ErrorScope: Sendable {
    /// The line as a whole, or nothing the verdict rules weigh (the default).
    case line
    /// One label attribute with its metadata: the service cannot use that label, though it may keep the line.
    case labelAttribute
    /// One bounding box: the service trains without it.
    case box
}
