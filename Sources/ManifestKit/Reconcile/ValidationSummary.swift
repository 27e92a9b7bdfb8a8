/// `manifest_summary.json`, which training writes beside the validation manifests: the terminal manifest
/// content errors of each set and of both, the counts of valid, invalid and ignored lines, and the indices
/// of the lines with errors (spec §2G, §4.5).
public struct ValidationSummary: Sendable, Equatable {
    /// One dataset's part of the summary.
    public struct SetSummary: Sendable, Equatable {
        /// `IMAGE_LEVEL_LABELS`, `OBJECT_LOCALIZATION` or `NOT_DETERMINED`.
        public var useCase: String?
        /// `total_json_lines`, `valid_json_lines`, `invalid_json_lines`, `ignored_json_lines`.
        public var totalLines: Int?
        /// Lines training can use.
        public var validLines: Int?
        /// Lines with errors, not used.
        public var invalidLines: Int?
        /// Lines with warnings only, not used and not counted as invalid.
        public var ignoredLines: Int?
        /// `error_json_line_indices`: where the validation manifest's lines with errors are.
        public var errorLineIndices: [Int] = []
        /// The set's terminal manifest content errors.
        public var errors: [ServiceAnnotations.Item] = []
    }

    /// `statistics.training`.
    public var training: SetSummary?
    /// `statistics.testing`.
    public var testing: SetSummary?
    /// The top-level `errors`: those spanning both sets (such as `ERROR_INSUFFICIENT_USABLE_LABEL_OVERLAP`).
    public var errors: [ServiceAnnotations.Item] = []

    /// Why bytes are not a manifest summary.
    public struct NotASummary: Error, Sendable, CustomStringConvertible {
        /// One sentence, lowercase.
        public var description: String
    }

    /// Whether `bytes` look like a manifest summary (one JSON object with `statistics` or `errors` at the top)
    /// rather than a validation manifest (JSON Lines of images).
    public static func looksLikeSummary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let document = try? JSONParser().parse(buffer), document.root.kind == .object else { return false }
            return document.member("source-ref", in: JSONDocument.rootIndex) == nil
                && (document.member("statistics", in: JSONDocument.rootIndex) != nil
                    || document.member("errors", in: JSONDocument.rootIndex) != nil)
        }
    }

    /// The summary in `bytes`.
    public init(bytes: [UInt8]) throws(NotASummary) {
        let parsed: ValidationSummary? = bytes.withUnsafeBufferPointer { buffer in
            guard let document = try? JSONParser().parse(buffer), document.root.kind == .object else { return nil }
            let root = JSONDocument.rootIndex
            var summary = ValidationSummary()
            summary.errors = Self.errors(document, document.member("errors", in: root), pointer: "")
            if let statistics = document.member("statistics", in: root), document[statistics].kind == .object {
                summary.training = document.member("training", in: statistics).map {
                    Self.set(document, $0, pointer: "/statistics/training")
                }
                summary.testing = document.member("testing", in: statistics).map {
                    Self.set(document, $0, pointer: "/statistics/testing")
                }
            }
            return summary
        }
        guard let parsed else {
            throw NotASummary(
                description: "not a manifest summary: expected one JSON object with statistics and errors")
        }
        self = parsed
    }

    private init() {}

    private static func set(_ document: JSONDocument, _ index: Int, pointer: String) -> SetSummary {
        var set = SetSummary()
        guard document[index].kind == .object else { return set }
        set.useCase = document.member("use_case", in: index).flatMap { document.stringValue(at: $0) }
        set.totalLines = document.member("total_json_lines", in: index).flatMap { document.int(at: $0) }
        set.validLines = document.member("valid_json_lines", in: index).flatMap { document.int(at: $0) }
        set.invalidLines = document.member("invalid_json_lines", in: index).flatMap { document.int(at: $0) }
        set.ignoredLines = document.member("ignored_json_lines", in: index).flatMap { document.int(at: $0) }
        // The documentation's prose says error_line_indices, its schema error_json_line_indices.
        let indices =
            document.member("error_json_line_indices", in: index) ?? document.member("error_line_indices", in: index)
        if let indices, document[indices].kind == .array {
            set.errorLineIndices = document.elements(of: indices).compactMap { document.int(at: $0) }
        }
        set.errors = errors(document, document.member("errors", in: index), pointer: pointer)
        return set
    }

    private static func errors(_ document: JSONDocument, _ index: Int?, pointer: String) -> [ServiceAnnotations.Item] {
        guard let index, document[index].kind == .array else { return [] }
        return document.elements(of: index).compactMap { element in
            guard document[element].kind == .object else { return nil }
            let code = document.member("code", in: element).flatMap { document.stringValue(at: $0) }
            let message = document.member("message", in: element).flatMap { document.stringValue(at: $0) }
            return ServiceAnnotations.Item(
                code: code ?? "UNKNOWN", message: message ?? "", pointer: pointer, severity: .error)
        }
    }
}
