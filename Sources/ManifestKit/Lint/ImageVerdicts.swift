/// How many more lines the image checks make invalid, or give warnings only, beyond what the line checks
/// found: what they add to the service's 20% count.
struct ImageVerdicts {
    /// Lines the image findings make invalid that were not invalid already.
    let errors: Int
    /// Lines the image findings give their first warning, with no error from either.
    let warningsOnly: Int

    /// The verdicts of `imageFindings` on lines that had `lineFindings`.
    init(lineFindings: [Diagnostic], imageFindings found: [Diagnostic]) {
        let isLineFinding = { (diagnostic: Diagnostic) in !diagnostic.code.hasPrefix("CL4") }
        let errorLines = Set(lineFindings.lazy.filter(TooManyInvalidLines.makesLineInvalid).compactMap(\.line))
        let warningLines = Set(
            lineFindings.lazy.filter { $0.severity == .warning && isLineFinding($0) }.compactMap(\.line))
        let newErrorLines = Set(found.lazy.filter(TooManyInvalidLines.makesLineInvalid).compactMap(\.line))
            .subtracting(errorLines)
        let newWarningLines = Set(found.lazy.filter { $0.severity == .warning }.compactMap(\.line))
            .subtracting(errorLines).subtracting(warningLines).subtracting(newErrorLines)
        errors = newErrorLines.count
        warningsOnly = newWarningLines.count - newErrorLines.intersection(warningLines).count
    }
}
