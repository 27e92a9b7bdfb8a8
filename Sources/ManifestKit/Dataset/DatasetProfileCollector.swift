extension DatasetProfile {
    /// Collects the entries of a stretch of a manifest's lines on the thread that checks them; the
    /// stretches are appended to the profile in file order (``DatasetProfile/append(_:lineOffset:)``).
    ///
    /// Labels are numbered in the stretch's own order of first appearance, and renumbered when appended.
    final class Collector {
        private(set) var entries: [Entry] = []
        private(set) var labelUses: [LabelUse] = []
        private(set) var boxes: [BoxFact] = []
        private(set) var labelNames: [String] = []
        private var labelTable = ByteStringTable()
        /// The profile's number of each of ``labelNames`` appended so far.
        var profileOrdinals: [Int] = []

        /// Takes the object line `line`, number `number` (counted from the stretch's start).
        func observe(_ line: ManifestLine, number: Int) {
            let document = line.document
            let useStart = labelUses.count
            let boxStart = boxes.count
            for node in line.labels {
                let ordinal = ordinal(of: node, in: document)
                let isImageLevel = !line.isDetectionLabel(node)
                if let known = labelUses[useStart...].firstIndex(where: { $0.label == ordinal }) {
                    labelUses[known].isImageLevel = labelUses[known].isImageLevel || isImageLevel
                } else {
                    labelUses.append(LabelUse(label: ordinal, isImageLevel: isImageLevel, hasBox: false))
                }
            }
            var imageWidth: Float = 0
            var imageHeight: Float = 0
            for box in line.boxes {
                let pair = line.pairs[box.pair]
                let size = pair.imageSize
                if imageWidth == 0, let size {
                    (imageWidth, imageHeight) = (Float(size.width), Float(size.height))
                }
                var label = -1
                if pair.classMap >= 0, box.classID >= 0, let id = document.number(at: box.classID), id == id.rounded(),
                    abs(id) < 1e15, let name = document.member(utf8: Array(String(Int(id)).utf8), in: pair.classMap),
                    document[name].kind == .string
                {
                    label = ordinal(of: name, in: document)
                    if let use = labelUses[useStart...].firstIndex(where: { $0.label == label }) {
                        labelUses[use].hasBox = true
                    } else {
                        labelUses.append(LabelUse(label: label, isImageLevel: false, hasBox: true))
                    }
                }
                let geometry = box.geometry
                boxes.append(
                    BoxFact(
                        label: label, left: Float(geometry?.left ?? .nan), top: Float(geometry?.top ?? .nan),
                        width: Float(geometry?.width ?? .nan), height: Float(geometry?.height ?? .nan),
                        imageWidth: Float(size?.width ?? 0), imageHeight: Float(size?.height ?? 0)))
            }
            if imageWidth == 0, let size = line.pairs.lazy.compactMap(\.imageSize).first {
                (imageWidth, imageHeight) = (Float(size.width), Float(size.height))
            }
            entries.append(
                Entry(
                    line: number, image: line.sourceRefFingerprint, imageWidth: imageWidth, imageHeight: imageHeight,
                    labels: useStart..<labelUses.count, boxes: boxStart..<boxes.count))
        }

        /// The stretch's number of the label named by the string at `node`.
        private func ordinal(of node: Int, in document: JSONDocument) -> Int {
            let candidate = labelNames.count
            return document.withStringBytes(at: node) { bytes in
                if let known = labelTable.insert(bytes, value: candidate) { return known }
                labelNames.append(String(decoding: bytes, as: UTF8.self))
                return candidate
            }
        }

        /// Forgets the entries appended so far, keeping the label numbers.
        func drain() {
            entries.removeAll(keepingCapacity: true)
            labelUses.removeAll(keepingCapacity: true)
            boxes.removeAll(keepingCapacity: true)
        }
    }
}
