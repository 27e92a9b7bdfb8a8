/// The sections of an AWS shared config or credentials file, as botocore reads them.
///
/// `[name]` starts a section; `key = value` (or `key=value`) sets a key, lower-cased, in the current
/// section; lines starting with `#` or `;` are comments. An indented line after a key with no value
/// belongs to that key's nested block (such as `s3 =` settings), which is not needed here and is skipped.
public struct INIFile: Sendable, Equatable {
    /// The keys of each section, by section name as written (`default`, `profile dev`).
    public var sections: [String: [String: String]]

    /// Parses `text`.
    public init(text: String) {
        var sections: [String: [String: String]] = [:]
        var current: String?
        var nestedKey: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            let indented = rawLine.first == " " || rawLine.first == "\t"
            if indented, nestedKey != nil { continue }
            nestedKey = nil
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast()).trimmingSpaces()
                current = name
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let section = current, let equals = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                continue
            }
            let key = String(line[..<equals]).trimmingSpaces().lowercased()
            let value = String(line[line.index(after: equals)...]).trimmingSpaces()
            if value.isEmpty { nestedKey = key }
            sections[section, default: [:]][key] = value
        }
        self.sections = sections
    }

    /// The keys of profile `name` in a config file: `[default]` or `[profile default]` for `default`,
    /// `[profile NAME]` otherwise (botocore also accepts a bare `[NAME]` there).
    public func configProfile(_ name: String) -> [String: String]? {
        if let keys = sections["profile \(name)"] { return keys }
        return sections[name]
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
