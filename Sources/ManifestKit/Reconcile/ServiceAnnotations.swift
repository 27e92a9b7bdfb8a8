/// The errors and warnings the service writes into a JSON line: `errors` or `cl-errors` and `warnings`
/// arrays of `{code, message}`, at the line, in a label attribute, in an annotation or in a `-metadata`
/// object (training validation manifests and `ListDatasetEntries` entries, spec §4.5).
public enum ServiceAnnotations {
    /// One error or warning in a line.
    public struct Item: Sendable, Equatable {
        /// The service's code, such as `ERROR_BOUNDING_BOX_TOO_SMALL` (`UNKNOWN` when the object has none).
        public var code: String
        /// The service's message.
        public var message: String
        /// Where in the line the array was: a JSON Pointer to the object that holds it (empty: the line).
        public var pointer: String
        /// `.error` for `errors` and `cl-errors`, `.warning` for `warnings`.
        public var severity: Severity

        /// Creates an item.
        public init(code: String, message: String, pointer: String, severity: Severity) {
            self.code = code
            self.message = message
            self.pointer = pointer
            self.severity = severity
        }
    }

    /// What one line says: its `source-ref` (nil when missing or not a string) and its errors and warnings,
    /// in the order written; nil when the line is not a JSON object.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (sourceRef: String?, items: [Item])? {
        guard let document = try? JSONParser().parse(bytes), document.root.kind == .object else { return nil }
        var items: [Item] = []
        collect(document, JSONDocument.rootIndex, into: &items)
        let sourceRef = document.member("source-ref", in: JSONDocument.rootIndex).flatMap {
            document.stringValue(at: $0)
        }
        return (sourceRef, items)
    }

    /// ``read(_:)`` of a line held as a string.
    public static func read(_ line: String) -> (sourceRef: String?, items: [Item])? {
        Array(line.utf8).withUnsafeBufferPointer { read($0) }
    }

    private static func collect(_ document: JSONDocument, _ index: Int, into items: inout [Item]) {
        switch document[index].kind {
        case .object:
            for (key, value) in document.members(of: index) {
                let name = document.string(at: key)
                let severity: Severity? =
                    name == "errors" || name == "cl-errors" ? .error : name == "warnings" ? .warning : nil
                if let severity, document[value].kind == .array {
                    for element in document.elements(of: value) where document[element].kind == .object {
                        let code = document.member("code", in: element).flatMap { document.stringValue(at: $0) }
                        let message = document.member("message", in: element).flatMap { document.stringValue(at: $0) }
                        items.append(
                            Item(
                                code: code ?? "UNKNOWN", message: message ?? "", pointer: document.pointer(to: index),
                                severity: severity))
                    }
                } else {
                    collect(document, value, into: &items)
                }
            }
        case .array:
            for element in document.elements(of: index) { collect(document, element, into: &items) }
        default:
            break
        }
    }
}
