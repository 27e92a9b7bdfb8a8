/// One side of a diff as read: for each entry the fingerprint of its `source-ref` (in a table, without the
/// key bytes: ``sourceRef(of:in:)`` reads one again from the file), a hash of its raw bytes, and where its
/// line is in the file; plus the repeated `source-ref`s and the unreadable lines.
///
/// The raw hash settles most comparisons (an entry written the same way is unchanged); only entries whose
/// bytes differ are parsed again, from their place in the file, and compared by canonical form.
struct DiffSide: @unchecked Sendable {
    let source: ManifestSource
    /// The manifest's name in findings and errors.
    var file: String { source.name }
    var keys = FingerprintTable()
    var fingerprints: [Hash128] = []
    var rawHashes: [Hash128] = []
    var lines: [Int32] = []
    var offsets: [Int] = []
    var lengths: [Int32] = []
    var carriageReturns: [Bool] = []
    var duplicates: [DiffError.Duplicate] = []
    var invalid: [Diagnostic] = []
    var failure: DiffError?
    /// The size of the file, once opened (regular files only).
    private var fileSize: Int?

    init(_ source: ManifestSource) {
        self.source = source
    }

    /// Reads `file`: every object line with a string `source-ref`.
    mutating func read() {
        let parser = JSONParser()
        let reader: JSONLinesReader
        do {
            reader = try source.reader()
        } catch {
            failure = .cannotRead(error)
            return
        }
        fileSize = reader.fileSize
        do {
            try reader.forEachLine { line in
                if line.isOversized {
                    invalid.append(Self.finding(file, line, "the line is too long to read"))
                    return
                }
                guard !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return }  // Blank lines.
                let document: JSONDocument
                do {
                    document = try parser.parse(line.bytes)
                } catch let error as JSONSyntaxError {
                    invalid.append(Self.finding(file, line, "not valid JSON: \(error.message)"))
                    return
                }
                guard document.root.kind == .object,
                    let node = document.member(utf8: Self.sourceRefKey, in: JSONDocument.rootIndex),
                    document[node].kind == .string
                else {
                    invalid.append(Self.finding(file, line, "no string source-ref to match the entry by"))
                    return
                }
                let string = document[node]
                if string.flags & JSONNode.hasEscapes == 0 {
                    add(
                        UnsafeBufferPointer(rebasing: document.bytes[Int(string.start) + 1..<Int(string.end) - 1]), line
                    )
                } else {
                    document.stringBytes(at: node).withUnsafeBufferPointer { add($0, line) }
                }
            }
        } catch let error as ManifestError {
            failure = .cannotRead(error)
        } catch {
            failure = .cannotRead(.readFailed(path: file, reason: "\(error)"))
        }
    }

    private mutating func add(_ sourceRef: UnsafeBufferPointer<UInt8>, _ line: LineRecord) {
        let fingerprint = ByteHash.fingerprint(sourceRef)
        // The table's slot loads while the line is hashed.
        keys.prefetch(fingerprint)
        var hasher = ValueHasher()
        hasher.combine(bytes: line.bytes)
        let rawHash = hasher.finalize()
        if let first = keys.insert(fingerprint, value: rawHashes.count) {
            duplicates.append(
                DiffError.Duplicate(
                    file: file, sourceRef: String(decoding: sourceRef, as: UTF8.self),
                    lines: [Int(lines[first]), line.number]))
            return
        }
        if rawHashes.count == FingerprintTable.sizingSample, let fileSize {
            keys.reserve(extrapolating: rawHashes.count, over: line.offset, of: fileSize)
        }
        rawHashes.append(rawHash)
        fingerprints.append(fingerprint)
        lines.append(Int32(clamping: line.number))
        offsets.append(line.offset)
        lengths.append(Int32(clamping: line.bytes.count))
        carriageReturns.append(line.endsWithCarriageReturn)
    }

    private static let sourceRefKey = Array("source-ref".utf8)

    /// The `source-ref` of entry `entry`, read again from its line in `file`.
    func sourceRef(of entry: Int, in file: LineFile, parser: JSONParser) -> String {
        file.withBytes(at: offsets[entry], length: Int(lengths[entry])) { bytes in
            guard let document = try? parser.parse(bytes),
                let node = document.member(utf8: Self.sourceRefKey, in: JSONDocument.rootIndex)
            else { return "" }
            return document.string(at: node)
        }
    }

    private static func finding(_ path: String, _ line: LineRecord, _ message: String) -> Diagnostic {
        Diagnostic(
            file: path, line: line.number, column: nil, code: InvalidJSON.description.code,
            name: "excluded-from-diff", serviceCode: nil, severity: .warning,
            message: "excluded from the diff: \(message)")
    }
}
