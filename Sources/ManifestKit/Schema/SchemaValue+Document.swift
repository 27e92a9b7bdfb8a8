extension SchemaValue {
    /// Converts the node at `index` of a parsed line or document into a schema value.
    ///
    /// Object members record the line and column of their keys within the document.
    public init(_ document: JSONDocument, node index: Int) {
        let node = document[index]
        switch node.kind {
        case .null: self = .null
        case .true: self = .bool(true)
        case .false: self = .bool(false)
        case .string: self = .string(document.string(at: index))
        case .number: self = ExactNumber(document.rawText(at: index)).map(SchemaValue.number) ?? .null
        case .array: self = .array(document.elements(of: index).map { SchemaValue(document, node: $0) })
        case .object:
            self = .object(
                document.members(of: index).map { member in
                    let (line, column) = SchemaDocumentReader.position(
                        of: Int(document[member.key].start),
                        in: document.bytes)
                    return SchemaMember(
                        key: document.string(at: member.key),
                        value: SchemaValue(document, node: member.value), line: line, column: column)
                })
        }
    }
}
