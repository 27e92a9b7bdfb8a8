/// A rule that decides on a whole line from the other rules' findings, as the service does for codes such
/// as ERROR_NO_VALID_LABEL_ATTRIBUTES: it runs after every other line rule and the schemas.
protocol LineVerdictRule: Rule {
    /// Appends the rule's findings for `line`, given where its error findings are.
    static func check(_ line: ManifestLine, errors: LineErrors, into findings: inout [LineFinding])
}

/// Where a line's error findings are, as sorted node indices, by what they leave unusable
/// (``RuleDescription/errorScope``).
struct LineErrors {
    /// Errors that make a label attribute unusable: rules of scope ``ErrorScope/labelAttribute`` (its type,
    /// metadata that is not an object, a missing box confidence or class-map id) and violations of the bundled
    /// schemas (its format).
    let attributeLevel: [Int]
    /// Errors the service attaches to one box, which it then trains without: rules of scope ``ErrorScope/box``.
    let boxLevel: [Int]

    var isEmpty: Bool { attributeLevel.isEmpty && boxLevel.isEmpty }
}

extension ManifestLine {
    /// Whether any of `errorNodes` (sorted) lies in the subtree of `node`.
    func hasError(within node: Int, _ errorNodes: [Int]) -> Bool {
        guard node >= 0 else { return false }
        let end = Int(document[node].next)
        // The first error node at or after `node`.
        var low = 0
        var high = errorNodes.count
        while low < high {
            let middle = (low + high) / 2
            if errorNodes[middle] < node { low = middle + 1 } else { high = middle }
        }
        return low < errorNodes.count && errorNodes[low] < end
    }

    /// Whether the pair at `index` of ``pairs`` is one the service can use: a supported type, both halves
    /// present, and no error finding in either.
    func pairIsValid(_ index: Int, _ errors: LineErrors) -> Bool {
        let errorNodes = errors.attributeLevel
        let pair = pairs[index]
        guard pair.attribute >= 0, pair.useCase == .classification || pair.useCase == .detection else { return false }
        return !hasError(within: pair.attribute, errorNodes) && !hasError(within: pair.metadata, errorNodes)
    }
}
