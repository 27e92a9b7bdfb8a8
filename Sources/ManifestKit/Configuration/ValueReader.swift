/// Reads one configuration value with the type its key needs, or says which key is wrong and where.
struct ValueReader {
    let file: String
    let member: SchemaMember

    /// An error at this member's key.
    func error(_ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: member.line, column: member.column, message: message)
    }

    private func expected(_ type: String) -> ConfigurationError {
        error(
            "'\(member.key)' must be \(type), not \(member.value.typeName == "array" ? "a list" : "a \(member.value.typeName)")"
        )
    }

    func integer() throws(ConfigurationError) -> Int {
        guard case .number(let number) = member.value, let value = number.intValue else { throw expected("an integer") }
        return value
    }

    func bool() throws(ConfigurationError) -> Bool {
        guard case .bool(let value) = member.value else { throw expected("true or false") }
        return value
    }

    func mapping() throws(ConfigurationError) -> [SchemaMember] {
        guard let members = member.value.members else { throw expected("a mapping") }
        return members
    }

    func strings() throws(ConfigurationError) -> [String] {
        guard case .array(let values) = member.value else { throw expected("a list of strings") }
        var strings: [String] = []
        for value in values {
            guard case .string(let text) = value else { throw expected("a list of strings") }
            strings.append(text)
        }
        return strings
    }

    /// A list of rule codes or prefixes, such as `[CL3, CL401]`.
    func codes() throws(ConfigurationError) -> [String] {
        try strings().map { text throws(ConfigurationError) in try code(text) }
    }

    /// `text` as a rule code or prefix (`CL`, `CL3`, `CL303`) or a rule name: the code or prefix it selects.
    func code(_ text: String) throws(ConfigurationError) -> String {
        do {
            return try RuleSelector.resolve(text)
        } catch {
            throw self.error("in '\(member.key)': \(error.description)")
        }
    }

    /// An error for an unknown key at this member, listing the known ones and the closest.
    func unknownKey(_ what: String, known: [String]) -> ConfigurationError {
        error(
            "unknown \(what) '\(member.key)'\(Suggestion.phrase(for: member.key, among: known)) (known: "
                + known.joined(separator: ", ") + ")")
    }
}
