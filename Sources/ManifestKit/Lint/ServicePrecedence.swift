/// The service's documented order of JSON Line errors: when a line has one of these, validation of that
/// line stops there, so nothing later is reported for it ("JSON line error precedence").
public enum ServicePrecedence {
    /// The codes, first first.
    public static let order: [ServiceErrorCode] = [
        .missingSourceRef, .invalidSourceRefFormat, .noLabelAttributes, .invalidLabelAttributeFormat,
        .invalidLabelAttributeMetadataFormat, .missingBoundingBoxConfidence, .missingClassMapID, .invalidJSONLine,
    ]

    /// `diagnostics` with, on each line that has an error of ``order``, only the errors of its first such
    /// code; findings of manifest-wide rules (`CL4xx`) and of lines without such an error are kept.
    public static func apply(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        var firstCode: [String: [Int: Int]] = [:]  // file → line → position in `order`
        for diagnostic in diagnostics where diagnostic.severity == .error && !isManifestWide(diagnostic) {
            guard let line = diagnostic.line, let code = diagnostic.serviceCode,
                let position = order.firstIndex(of: code)
            else { continue }
            firstCode[diagnostic.file, default: [:]][line] = min(
                firstCode[diagnostic.file]?[line] ?? position, position)
        }
        return diagnostics.filter { diagnostic in
            guard !isManifestWide(diagnostic), let line = diagnostic.line,
                let position = firstCode[diagnostic.file]?[line]
            else { return true }
            return diagnostic.severity == .error && diagnostic.serviceCode == order[position]
        }
    }

    private static func isManifestWide(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.code.hasPrefix("CL4")
    }
}
