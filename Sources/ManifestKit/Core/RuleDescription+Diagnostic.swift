extension RuleDescription {
    /// A diagnostic from this rule, with its code, name, service code, severity and fix hint filled in.
    func diagnostic(
        file: String, line: Int?, column: Int?, message: String, pointer: String? = nil, sourceRef: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            file: file, line: line, column: column, code: code, name: name, serviceCode: mirrors,
            severity: severity, message: message, pointer: pointer, sourceRef: sourceRef, help: fix)
    }
}
