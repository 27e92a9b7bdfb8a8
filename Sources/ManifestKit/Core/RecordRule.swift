/// A rule about a line as the reader read it and the parser left it.
///
/// That is its bytes, its length, its JSON syntax (the CL0xx band). It runs on the lines of every file that
/// is read line by line, whatever they hold, in code order. A finding names the line's `source-ref` when the line is an object that has
/// one, unless the rule says otherwise.
///
/// ```swift
/// static func check(_ line: inout RecordCheck) {
///     guard line.record.hasByteOrderMark else { return }
///     line.report(description, at: .column(1), message: "file starts with a UTF-8 byte order mark (EF BB BF)")
/// }
/// ```
protocol RecordRule: Rule {
    /// The lines the rule looks at, by what the parser made of them (it is not called for the others).
    static var lines: RecordLines { get }
    /// Reports the rule's findings on `line`.
    static func check(_ line: inout RecordCheck)
}

extension RecordRule {
    /// Every line.
    static var lines: RecordLines { .all }
}

/// Lines by what the parser made of them, for ``RecordRule/lines``.
struct RecordLines: OptionSet, Sendable {
    let rawValue: Int
    init(rawValue: Int) { self.rawValue = rawValue }
    /// Lines not parsed: blank, or too long to read (``ParsedLine/notParsed``).
    static let notParsed = RecordLines(rawValue: 1)
    /// Lines that are not JSON (``ParsedLine/failed(_:)``).
    static let failed = RecordLines(rawValue: 2)
    /// Lines that are a JSON value (``ParsedLine/document(_:)``).
    static let parsed = RecordLines(rawValue: 4)
    static let all: RecordLines = [.notParsed, .failed, .parsed]
}
