/// Compiled schemas, ready to validate many values; safe to share between threads (never changed).
public final class SchemaSet: @unchecked Sendable {
    /// The lists that nodes refer to by ``SchemaNode/Slice``.
    struct Pools {
        var properties: [SchemaNode.Property] = []
        var bytes: [UInt8] = []
        var indices: [Int32] = []
    }

    // Allocated once in `init` (at least one slot each, so no pointer is ever nil) and never changed.
    private let nodes: UnsafeMutablePointer<SchemaNode>
    private let nodeCount: Int
    private let properties: UnsafeMutablePointer<SchemaNode.Property>
    private let bytes: UnsafeMutablePointer<UInt8>
    private let indices: UnsafeMutablePointer<Int32>
    private let entries: [String: Int]

    init(nodes: [SchemaNode], pools: Pools, entries: [String: Int]) {
        nodeCount = nodes.count
        self.nodes = Self.copy(nodes)
        self.properties = Self.copy(pools.properties)
        self.bytes = Self.copy(pools.bytes)
        self.indices = Self.copy(pools.indices)
        self.entries = entries
    }

    deinit {
        nodes.deinitialize(count: nodeCount)
        nodes.deallocate()
        properties.deallocate()
        bytes.deallocate()
        indices.deallocate()
    }

    /// Memory holding `elements`, with at least one slot.
    private static func copy<Element>(_ elements: [Element]) -> UnsafeMutablePointer<Element> {
        let pointer = UnsafeMutablePointer<Element>.allocate(capacity: max(1, elements.count))
        pointer.initialize(from: elements, count: elements.count)
        return pointer
    }

    /// Calls `body` with the compiled nodes and pools in place; valid only during the call.
    func withStorage<Result>(_ body: (SchemaStorage) -> Result) -> Result {
        withExtendedLifetime(self) {
            body(SchemaStorage(nodes: nodes, properties: properties, bytes: bytes, indices: indices))
        }
    }

    /// The compiled schema at `reference`: a document name (`manifest-line.yaml`) or a location in one
    /// (`object-detection.yaml#/$defs/attribute`).
    public func entry(_ reference: String) -> SchemaReference? {
        entries[reference].map(SchemaReference.init)
    }
}

/// Pointers to a ``SchemaSet``'s nodes and pools, for the validator's inner loops.
struct SchemaStorage {
    let nodes: UnsafePointer<SchemaNode>
    let properties: UnsafePointer<SchemaNode.Property>
    let bytes: UnsafePointer<UInt8>
    let indices: UnsafePointer<Int32>

    /// The bytes of a property-pool entry.
    @inline(__always)
    func name(_ property: SchemaNode.Property) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + Int(property.start), count: Int(property.count))
    }

    /// The text of a property-pool entry, for messages.
    func text(_ property: SchemaNode.Property) -> String {
        String(decoding: name(property), as: UTF8.self)
    }
}

/// A handle on one compiled schema in a ``SchemaSet``.
public struct SchemaReference: Sendable, Hashable {
    let index: Int
}
