/// The `image_size` of an object-localization attribute, when it holds numbers for width and height.
struct ImageSize {
    let width: Double
    let height: Double
    /// The value nodes of `width` and `height`, for findings.
    let widthNode: Int
    let heightNode: Int

    /// Reads the first element of `attribute`'s `image_size`; nil when it is missing or malformed (the
    /// schema reports that).
    init?(of attribute: Int, in document: JSONDocument) {
        guard let sizes = document.member(utf8: ManifestKeys.imageSize, in: attribute), document[sizes].kind == .array,
            document[sizes].count > 0, document[sizes + 1].kind == .object
        else { return nil }
        let first = sizes + 1
        guard let widthNode = document.member(utf8: ManifestKeys.width, in: first),
            let heightNode = document.member(utf8: ManifestKeys.height, in: first),
            let width = document.number(at: widthNode), let height = document.number(at: heightNode)
        else { return nil }
        self.width = width
        self.height = height
        self.widthNode = widthNode
        self.heightNode = heightNode
    }

    /// The factor the service's training applies to boxes: images whose larger side exceeds 1,280 pixels
    /// are scaled down to 1,280 (the exact algorithm is undocumented; this is the documented threshold).
    var trainingScale: Double { Self.trainingScale(width: width, height: height) }

    /// The training-time scale of an image of `width` × `height` pixels (1,280 on its longer side at most).
    static func trainingScale(width: Double, height: Double) -> Double {
        let larger = max(width, height)
        return larger > 1280 ? 1280 / larger : 1
    }
}
