/// The edits that remove boxes from a line: their `annotations` elements and, matched by position, their
/// metadata's `objects` entries, each array written again with the elements that stay.
enum BoxRemoval {
    /// The edits removing `boxes` (elements of ``ManifestLine/boxes``) from the site's line.
    static func edits(removing boxes: [Box], from site: FixSite) -> [Fix.Edit] {
        guard let model = site.model, let document = site.document else { return [] }
        var edits: [Fix.Edit] = []
        for pairIndex in Set(boxes.map(\.pair)).sorted() {
            let pair = model.pairs[pairIndex]
            guard let annotations = model.member(ManifestKeys.annotations, of: pair.attribute),
                document[annotations].kind == .array
            else { continue }
            let elements = document.elements(of: annotations)
            let removed = Set(
                boxes.filter { $0.pair == pairIndex }.compactMap { elements.firstIndex(of: $0.annotation) })
            let kept = elements.indices.filter { !removed.contains($0) }
            edits.append(
                site.replacing(annotations, with: JSONValueText.array(annotations, of: site, keeping: kept)))
            if let objects = model.member(ManifestKeys.objects, of: pair.metadata), document[objects].kind == .array {
                let entries = document.elements(of: objects).indices
                edits.append(
                    site.replacing(
                        objects,
                        with: JSONValueText.array(objects, of: site, keeping: entries.filter { !removed.contains($0) }))
                )
            }
        }
        return edits
    }
}
