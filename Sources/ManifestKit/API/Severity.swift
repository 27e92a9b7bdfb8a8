/// How serious a finding is.
///
/// - `error`: the service would reject the line or the manifest; `lint` exits 1.
/// - `warning`: the service would ignore the line, or its behaviour is undocumented.
/// - `info`: context only.
public enum Severity: String, Sendable, Codable, Hashable, Comparable, CaseIterable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Orders severities from `info` to `error`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
