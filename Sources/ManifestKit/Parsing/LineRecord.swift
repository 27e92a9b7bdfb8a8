/// One line of a JSON Lines file as the reader hands it out.
///
/// `bytes` points into the reader's buffer and is valid only during the callback that receives it.
public struct LineRecord {
    /// The 1-based line number.
    public var number: Int
    /// The byte offset in the file of the first byte of ``bytes`` (after a byte order mark on line 1).
    public var offset: Int
    /// The line without its LF and without a CR just before the LF; empty when ``isOversized``.
    public var bytes: UnsafeBufferPointer<UInt8>
    /// The length of the line in bytes, even when it was too long to keep.
    public var byteCount: Int
    /// True when the line was longer than the reader keeps in memory; only its length was measured.
    public var isOversized: Bool
    /// The number of Unicode scalar values in an oversized line (invalid bytes count one each); 0 otherwise.
    public var oversizedScalarCount: Int
    /// True when line 1 began with a UTF-8 byte order mark, which is not part of ``bytes``.
    public var hasByteOrderMark: Bool
    /// True when the line ended with CR LF (the CR is not part of ``bytes``).
    public var endsWithCarriageReturn = false
}
