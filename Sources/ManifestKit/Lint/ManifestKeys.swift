/// The field names of the manifest formats, as UTF-8 for lookups in parsed lines.
enum ManifestKeys {
    static let annotations = Array("annotations".utf8)
    static let imageSize = Array("image_size".utf8)
    static let objects = Array("objects".utf8)
    static let classMap = Array("class-map".utf8)
    static let className = Array("class-name".utf8)
    static let type = Array("type".utf8)
    static let width = Array("width".utf8)
    static let height = Array("height".utf8)
}
