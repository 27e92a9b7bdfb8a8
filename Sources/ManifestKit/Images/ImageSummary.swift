/// What the image checks of one manifest found, for the summary line.
public struct ImageSummary: Sendable, Equatable {
    /// Lines whose `source-ref` a mapping covers (their images were looked for).
    public var checked = 0
    /// Images not found.
    public var missing = 0
    /// Images with at least one error finding (missing included).
    public var invalid = 0
    /// JPEG images whose EXIF orientation turns them a quarter.
    public var turned = 0
    /// Findings by rule code.
    public var findingsByCode: [String: Int] = [:]

    /// Creates an empty summary.
    public init() {}

    /// One sentence: `images: 10000 checked, 3 missing, 5 invalid (CL601 3, CL606 2)`.
    public var sentence: String {
        var text = "images: \(checked) checked, \(missing) missing, \(invalid) with errors"
        if !findingsByCode.isEmpty {
            text +=
                " (" + findingsByCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                + ")"
        }
        if turned > 0 { text += "; \(turned) turned by EXIF orientation" }
        return text
    }
}
