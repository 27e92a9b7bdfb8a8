/// A rule about the image a line's `source-ref` names, read from local disk (`lint --images`, CL6xx).
///
/// ``ImageCheck`` reads each mapped image's header once (never its pixels) and hands the result to every
/// enabled image rule, in code order.
protocol ImageRule: Rule {
    /// Reports the rule's findings on one image.
    static func check(_ image: CheckedImage, into findings: inout [ImageFinding])
}

/// An image a line's `source-ref` names, as found on disk.
struct CheckedImage {
    /// An image the service can decode: PNG or JPEG whose dimensions the header gives.
    struct Decodable {
        /// Its local path.
        let path: String
        /// Its size in bytes.
        let bytes: Int
        let header: ImageHeader
        let width: Int
        let height: Int
    }

    /// The line and what it says of the image.
    let target: ImageTarget
    /// The local path, or nil when the key holds a `..` component: the image is then not looked for.
    let path: String?
    /// What is at the path (``ImageFile/unreadable(_:)`` when it was not looked for).
    let file: ImageFile

    /// The image, when the service can decode it (most rules have nothing to say otherwise).
    var decodable: Decodable? {
        guard let path, case .image(let bytes, let header) = file, header.format.isAccepted,
            let width = header.width, let height = header.height
        else { return nil }
        return Decodable(path: path, bytes: bytes, header: header, width: width, height: height)
    }
}

/// A finding of an ``ImageRule``.
struct ImageFinding {
    let rule: RuleDescription
    let message: String
    /// The value of the line it is about; nil for the `source-ref`.
    var place: ImageTarget.Place?
    /// A severity other than the rule's, for a reading of the service's limits that is undocumented.
    var severity: Severity?
    /// A service code other than the rule's, where the service's depends on the line.
    var serviceCode: ServiceErrorCode??
    /// How to mend it, when the rule knows.
    var fix: Fix?

    init(
        _ rule: RuleDescription, _ message: String, at place: ImageTarget.Place? = nil, severity: Severity? = nil,
        serviceCode: ServiceErrorCode?? = nil
    ) {
        self.rule = rule
        self.message = message
        self.place = place
        self.severity = severity
        self.serviceCode = serviceCode
    }
}
