/// "Did you mean …?": the known word closest to a mistyped one.
///
/// ```swift
/// Suggestion.closest(to: "selct", among: ["select", "ignore"])   // "select"
/// ```
public enum Suggestion {
    /// The candidate within a few edits of `word` (case ignored), the closest first; nil when none is near.
    ///
    /// Near means at most a third of the longer word's length in edits (at least one, at most three), so
    /// that a short typo finds its word and an unrelated word finds nothing.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = Array(word.lowercased().unicodeScalars)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let known = Array(candidate.lowercased().unicodeScalars)
            let allowed = min(3, max(1, max(typed.count, known.count) / 3))
            let distance = editDistance(typed, known)
            guard distance <= allowed, distance < (best?.distance ?? .max) else { continue }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// `"; did you mean 'X'?"`, or an empty string.
    public static func phrase(for word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Insertions, deletions, substitutions and swaps of neighbours (optimal string alignment).
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
