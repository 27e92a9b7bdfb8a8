/// Compiled schemas, ready to validate many values; safe to share between threads.
public final class SchemaSet: Sendable {
    let nodes: [SchemaNode]
    private let entries: [String: Int]

    init(nodes: [SchemaNode], entries: [String: Int]) {
        self.nodes = nodes
        self.entries = entries
    }

    /// The compiled schema at `reference`: a document name (`line.yaml`) or a location in one
    /// (`object-detection.yaml#/$defs/attribute`).
    public func entry(_ reference: String) -> SchemaReference? {
        entries[reference].map(SchemaReference.init)
    }
}

/// A handle on one compiled schema in a ``SchemaSet``.
public struct SchemaReference: Sendable, Hashable {
    let index: Int
}
