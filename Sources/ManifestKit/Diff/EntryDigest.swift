/// What an entry holds in the domain's terms, for saying how an updated entry changed: its fields, its
/// labels and its boxes.
struct EntryDigest {
    /// Hashes of each top-level field and of each field of a `-metadata` object (`X-metadata.field`).
    var fields: [String: Hash128] = [:]
    /// The label names.
    var labels: Set<String> = []
    /// Each box as `label@left,top,width,height`.
    var boxes: [String] = []

    /// The digest of the object line `document`.
    init(_ document: JSONDocument, hasher: CanonicalHasher, line: ManifestLine) {
        line.load(document)
        for key in document.children(of: JSONDocument.rootIndex) {
            let name = document.string(at: key)
            fields[name] = hasher.hash(document, node: key + 1)
            if name.hasSuffix("-metadata"), document[key + 1].kind == .object {
                for member in document.children(of: key + 1) {
                    fields[name + "." + document.string(at: member)] = hasher.hash(document, node: member + 1)
                }
            }
        }
        labels = Set(line.labels.map { document.string(at: $0) })
        for box in line.boxes {
            let pair = line.pairs[box.pair]
            var label = "?"
            if box.classID >= 0, pair.classMap >= 0 {
                let id =
                    document[box.classID].kind == .string
                    ? document.string(at: box.classID) : document.rawText(at: box.classID)
                if let name = document.member(id, in: pair.classMap) { label = document.string(at: name) }
            }
            let geometry = [box.leftValue, box.topValue, box.widthValue, box.heightValue]
                .map { $0.map { String($0) } ?? "?" }.joined(separator: ",")
            boxes.append("\(label)@\(geometry)")
        }
    }

    /// How `self` (the new entry) differs from `prior`, in short phrases.
    func changes(since prior: EntryDigest) -> [String] {
        var changes: [String] = []
        let addedLabels = labels.subtracting(prior.labels).sorted()
        let removedLabels = prior.labels.subtracting(labels).sorted()
        if !addedLabels.isEmpty { changes.append("labels added: " + addedLabels.joined(separator: ", ")) }
        if !removedLabels.isEmpty { changes.append("labels removed: " + removedLabels.joined(separator: ", ")) }
        var remaining = prior.boxes
        var added = 0
        for box in boxes {
            if let index = remaining.firstIndex(of: box) { remaining.remove(at: index) } else { added += 1 }
        }
        // A box gone and a box new are taken for one box moved, resized or relabelled.
        let moved = min(added, remaining.count)
        let counts = prior.boxes.count == boxes.count ? "" : " (\(prior.boxes.count) → \(boxes.count) boxes)"
        var boxChanges: [String] = []
        if moved > 0 { boxChanges.append("\(moved) box\(moved == 1 ? "" : "es") moved, resized or relabelled") }
        if added > moved { boxChanges.append("\(added - moved) box\(added - moved == 1 ? "" : "es") added") }
        if remaining.count > moved {
            boxChanges.append("\(remaining.count - moved) box\(remaining.count - moved == 1 ? "" : "es") removed")
        }
        if !boxChanges.isEmpty { changes.append(boxChanges.joined(separator: ", ") + counts) }
        // Fields, except those the labels and boxes already describe.
        let described: Set<String> = ["class-name", "class-map", "objects"]
        var changedFields: [String] = []
        for name in Set(fields.keys).union(prior.fields.keys).sorted() where fields[name] != prior.fields[name] {
            let last = name.split(separator: ".").last.map(String.init) ?? name
            if described.contains(last) || (name.contains(".") == false && name.hasSuffix("-metadata")) { continue }
            if fields[name] == nil {
                changedFields.append("\(name) removed")
            } else if prior.fields[name] == nil {
                changedFields.append("\(name) added")
            } else if !(changes.contains { $0.contains("box") } && !name.contains(".")) {
                changedFields.append("\(name) changed")
            }
        }
        return changes + changedFields
    }
}
