/// A check with a stable code and its own documentation.
///
/// Rules in the `CL0xx` band (reading and JSON syntax) are found by the reader and the parser and reported
/// by the engine; later bands add line and manifest rules with their own `check` functions.
public protocol Rule: Sendable {
    /// The rule's code, name, severity, documentation and examples.
    static var description: RuleDescription { get }
}
