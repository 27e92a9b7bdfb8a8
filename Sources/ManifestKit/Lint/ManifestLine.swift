/// One parsed object line of a manifest, with what several rules need found once: the `source-ref` value
/// and the label attributes paired with their `-metadata`.
///
/// One instance serves a whole run: ``load(_:)`` fills it for each line, reusing its arrays' storage.
final class ManifestLine {
    /// A label attribute and its metadata, found by the `X` / `X-metadata` naming rule.
    struct LabelPair {
        /// The key node of `X`, or -1 when the line has `X-metadata` without `X`.
        var nameKey: Int
        /// The value of `X`, or -1.
        var attribute: Int
        /// The key node of `X-metadata`.
        var metadataKey: Int
        /// The value of `X-metadata`: an object, unless ``useCase`` is ``UseCase/metadataNotObject``.
        var metadata: Int
        /// What the metadata `type` says the pair is.
        var useCase: UseCase
        /// For a bounding-box pair: the attribute's `image_size`, when it is readable.
        var imageSize: ImageSize?
        /// For a bounding-box pair: the number of `annotations` (0 when missing or not an array).
        var annotationCount = 0
        /// For a bounding-box pair: the metadata's `class-map` when it is an object, or -1.
        var classMap = -1
        /// Bit `n` is set when `class-map` has the key `n` written plainly (`"0"` to `"63"`).
        var classMapIDs: UInt64 = 0
    }

    /// The label formats the service knows, by the metadata `type`.
    enum UseCase: Equatable {
        case classification
        case detection
        /// Another `type`, or a `type` that is not a string.
        case unsupported
        /// No `type` member.
        case missingType
        /// `X-metadata` (beside an `X`) is not an object: a string (often the object JSON-encoded twice),
        /// null, a list or a number.
        case metadataNotObject
    }

    // Filled by one thread for one line at a time, then only read: no dynamic exclusivity checks needed.
    /// The line, without its reference-counted parts: the caller keeps the line alive while rules run, and
    /// rules then read it without retains and releases.
    var document: JSONDocument {
        JSONDocument(bytes: lineBytes, nodes: lineNodes, duplicateKeys: [], owner: nil)
    }
    @exclusivity(unchecked) private var lineBytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    @exclusivity(unchecked) private var lineNodes = UnsafeBufferPointer<JSONNode>(start: nil, count: 0)
    /// The value node of `source-ref`, or nil.
    @exclusivity(unchecked) private(set) var sourceRef: Int?
    /// The fingerprint of the `source-ref`'s decoded text when it is a string (the duplicate check's key).
    @exclusivity(unchecked) private(set) var sourceRefFingerprint: Hash128?
    /// The label pairs, in the order of their metadata keys.
    var pairs: UnsafeBufferPointer<LabelPair> { pairList.elements }
    /// The string nodes naming this line's labels (see ``LineLabels``).
    var labels: UnsafeBufferPointer<Int> { labelList.elements }
    /// The boxes of every bounding-box pair, in line order.
    var boxes: UnsafeBufferPointer<Box> { boxList.elements }
    /// The top-level keys that are neither the first `source-ref` nor half of a label pair, in line order.
    var otherKeys: UnsafeBufferPointer<Int> { otherKeyList.elements }
    // Reused from line to line; read without reference counting (see ReusableBuffer).
    @exclusivity(unchecked) private var pairList = ReusableBuffer<LabelPair>()
    @exclusivity(unchecked) private var labelList = ReusableBuffer<Int>(capacity: 32)
    @exclusivity(unchecked) private var boxList = ReusableBuffer<Box>(capacity: 32)
    @exclusivity(unchecked) private var otherKeyList = ReusableBuffer<Int>()

    static let metadataSuffix = Array("-metadata".utf8)
    private static let sourceRefKey = Array("source-ref".utf8)
    private static let serviceMetadataKey = Array("cl-metadata".utf8)
    private static let classificationType = Array("groundtruth/image-classification".utf8)
    private static let detectionType = Array("groundtruth/object-detection".utf8)

    /// The run's options, for rules that take settings (such as the box limit).
    let options: LintOptions

    /// An empty line model for a run with `options`; ``load(_:)`` fills it.
    init(options: LintOptions = LintOptions()) {
        self.options = options
    }

    deinit {
        pairList.free()
        labelList.free()
        boxList.free()
        otherKeyList.free()
    }

    /// Finds `source-ref`, the pairs, their boxes and labels of the object line `line`; valid while `line`.
    func load(_ line: JSONDocument) {
        lineBytes = line.bytes
        lineNodes = line.nodes
        let document = self.document
        sourceRef = nil
        pairList.removeAll()
        labelList.removeAll()
        boxList.removeAll()
        otherKeyList.removeAll()
        let root = JSONDocument.rootIndex
        var member = root + 1
        let end = Int(document[root].next)
        while member < end {
            let value = member + 1
            if sourceRef == nil, Self.sourceRefKey.withUnsafeBufferPointer({ document.keyEquals(member, $0) }) {
                sourceRef = value
            } else if let found = Self.attribute(pairedWith: member, in: document), let attribute = found,
                // Pairing is by name: a metadata value that is not an object still pairs with its `X` (and is
                // CL202); without an `X` it is just another key.
                document[value].kind == .object || attribute >= 0,
                // The service's own `cl-metadata` (in pulled manifests) is not a label unless `cl` exists.
                attribute >= 0 || !Self.serviceMetadataKey.withUnsafeBufferPointer({ document.keyEquals(member, $0) })
            {
                var pair = LabelPair(
                    nameKey: attribute >= 0 ? attribute - 1 : -1, attribute: attribute, metadataKey: member,
                    metadata: value,
                    useCase: document[value].kind == .object
                        ? Self.useCase(of: value, in: document) : .metadataNotObject)
                if pair.useCase == .detection, let classMap = document.member(utf8: ManifestKeys.classMap, in: value),
                    document[classMap].kind == .object
                {
                    pair.classMap = classMap
                    pair.classMapIDs = Self.smallKeys(of: classMap, in: document)
                }
                pairList.append(pair)
            }
            member = Int(document[value].next)
        }
        for index in pairs.indices where pairList[index].useCase == .detection && pairList[index].attribute >= 0 {
            let attribute = pairList[index].attribute
            guard document[attribute].kind == .object else { continue }
            pairList[index].imageSize = ImageSize(of: attribute, in: document)
            if let annotations = document.member(utf8: ManifestKeys.annotations, in: attribute),
                document[annotations].kind == .array
            {
                pairList[index].annotationCount = Int(document[annotations].count)
                for element in document.children(of: annotations) {
                    boxList.append(Box(annotation: element, pair: index, in: document))
                }
            }
        }
        if !pairs.isEmpty { LineLabels.collect(of: pairs, in: document, into: &labelList) }
        sourceRefFingerprint =
            sourceRef.flatMap { node in
                document[node].kind == .string
                    ? document.withStringBytes(at: node, ByteHash.fingerprint) : nil
            }
        let accounted = (sourceRef == nil ? 0 : 1) + pairs.reduce(0) { $0 + ($1.attribute >= 0 ? 2 : 1) }
        if Int(document[root].count) > accounted {
            for key in document.children(of: root)
            where key + 1 != sourceRef && !pairs.contains(where: { $0.nameKey == key || $0.metadataKey == key }) {
                otherKeyList.append(key)
            }
        }
    }

    /// The keys `"0"` to `"63"` (without leading zeros or escapes) of the object at `object`, as bits.
    private static func smallKeys(of object: Int, in document: JSONDocument) -> UInt64 {
        var bits: UInt64 = 0
        for key in document.children(of: object) {
            let node = document[key]
            let length = Int(node.end - node.start) - 2
            guard node.flags & JSONNode.hasEscapes == 0, length == 1 || length == 2 else { continue }
            let first = Int(document.bytes[Int(node.start) + 1]) - 48
            let value = length == 1 ? first : first * 10 + Int(document.bytes[Int(node.start) + 2]) - 48
            guard (0...9).contains(first), first != 0 || length == 1, (0..<64).contains(value),
                length == 1 || (0...9).contains(Int(document.bytes[Int(node.start) + 2]) - 48)
            else { continue }
            bits |= 1 << UInt64(value)
        }
        return bits
    }

    /// The value of `X` when the key at `key` is `X-metadata`.
    ///
    /// -1 when `X` is missing; nil when the key is not of that form (or `X` is `source-ref`). Reads the key in
    /// place unless it has escapes.
    private static func attribute(pairedWith key: Int, in document: JSONDocument) -> Int?? {
        let node = document[key]
        let suffix = metadataSuffix.count
        guard Int(node.end - node.start) - 2 > suffix else { return nil }
        if node.flags & JSONNode.hasEscapes != 0 {
            let bytes = document.stringBytes(at: key)
            guard bytes.count > suffix, bytes.suffix(suffix).elementsEqual(metadataSuffix) else { return nil }
            let name = Array(bytes.dropLast(suffix))
            return name == sourceRefKey ? nil : .some(document.member(utf8: name, in: JSONDocument.rootIndex) ?? -1)
        }
        let content = UnsafeBufferPointer(rebasing: document.bytes[Int(node.start) + 1..<Int(node.end) - 1])
        let name = UnsafeBufferPointer(rebasing: content.dropLast(suffix))
        let matches = metadataSuffix.withUnsafeBufferPointer { wanted in
            JSONDocument.bytesEqual(
                content.baseAddress.unsafelyUnwrapped + name.count, wanted.baseAddress.unsafelyUnwrapped, suffix)
        }
        guard matches else { return nil }
        let isSourceRef = sourceRefKey.withUnsafeBufferPointer { wanted in
            name.count == wanted.count
                && JSONDocument.bytesEqual(
                    name.baseAddress.unsafelyUnwrapped, wanted.baseAddress.unsafelyUnwrapped, name.count)
        }
        return isSourceRef ? nil : .some(document.member(bytes: name, in: JSONDocument.rootIndex) ?? -1)
    }

    private static func useCase(of metadata: Int, in document: JSONDocument) -> UseCase {
        guard let type = document.member(utf8: ManifestKeys.type, in: metadata) else { return .missingType }
        guard document[type].kind == .string else { return .unsupported }
        if detectionType.withUnsafeBufferPointer({ document.keyEquals(type, $0) }) { return .detection }
        if classificationType.withUnsafeBufferPointer({ document.keyEquals(type, $0) }) { return .classification }
        return .unsupported
    }

    /// Whether the value at `value` is an object with `annotations` or `image_size`: a bounding-box
    /// attribute, whatever its key is called.
    func looksLikeBoxAttribute(_ value: Int) -> Bool {
        document[value].kind == .object
            && (member(ManifestKeys.annotations, of: value) != nil || member(ManifestKeys.imageSize, of: value) != nil)
    }

    /// The member `name` of the object at `object`, or nil (also when `object` is not an object).
    func member(_ name: [UInt8], of object: Int) -> Int? {
        guard object >= 0, document[object].kind == .object else { return nil }
        return document.member(utf8: name, in: object)
    }

    /// Whether `label` names a class of a bounding-box pair (it lies inside that pair's class-map).
    func isDetectionLabel(_ label: Int) -> Bool {
        pairs.contains { $0.classMap >= 0 && label > $0.classMap && label < Int(document[$0.classMap].next) }
    }
}
