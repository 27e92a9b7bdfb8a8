/// One value of a parsed line, laid out in document order.
///
/// Containers are followed by their children; ``next`` is the index just past the node's subtree, so a
/// reader can skip a value without walking it. An object's children alternate key, value, key, value.
///
/// The parser's fast path writes nodes from C (`clm_json_node` in CManifestSupport), so the stored properties'
/// order, types and the kinds' raw values are a layout both sides share (StructuralIndexTests checks it).
public struct JSONNode: Sendable, Hashable {
    /// What kind of JSON value a node holds.
    public enum Kind: UInt8, Sendable {
        case object
        case array
        case string
        case number
        case `true`
        case `false`
        case null
    }

    /// The byte offset of the value's first byte within the line (a string's opening quote).
    public var start: UInt32
    /// The byte offset just past the value's last byte.
    public var end: UInt32
    /// The node index just past this node's subtree.
    public var next: UInt32
    /// Members of an object or elements of an array; 0 for scalars.
    public var count: UInt32
    /// The value's kind.
    public var kind: Kind
    /// Bit flags: ``hasEscapes`` for strings, ``isInteger`` for numbers.
    public var flags: UInt8

    /// Set on a string whose text contains a backslash escape, so it must be decoded before comparing.
    public static let hasEscapes: UInt8 = 1
    /// Set on a number written without a fraction or an exponent.
    public static let isInteger: UInt8 = 2
}
