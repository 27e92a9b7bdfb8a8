/// What the parser made of a line.
enum ParsedLine {
    /// Not parsed: too long to read (``LineRecord/isOversized``), or blank.
    case notParsed
    /// A JSON value.
    case document(JSONDocument)
    /// Not a JSON value: why, and where.
    case failed(JSONSyntaxError)

    /// Whether the line is a JSON value.
    var isDocument: Bool {
        if case .document = self { return true }
        return false
    }
}
