/// The labels a line names: each image-level attribute's `class-name` and the `class-map` values of its
/// bounding-box attributes.
enum LineLabels {
    /// Appends the string nodes holding label names to `nodes`, in line order.
    static func collect(
        of pairs: UnsafeBufferPointer<ManifestLine.LabelPair>, in document: JSONDocument,
        into nodes: inout ReusableBuffer<Int>
    ) {
        for pair in pairs {
            switch pair.useCase {
            case .classification:
                if let name = document.member(utf8: ManifestKeys.className, in: pair.metadata),
                    document[name].kind == .string
                {
                    nodes.append(name)
                }
            case .detection:
                if let map = document.member(utf8: ManifestKeys.classMap, in: pair.metadata),
                    document[map].kind == .object
                {
                    for key in document.children(of: map) where document[key + 1].kind == .string {
                        nodes.append(key + 1)
                    }
                }
            case .unsupported, .missingType, .metadataNotObject:
                continue
            }
        }
    }
}
