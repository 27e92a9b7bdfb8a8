extension DatasetProfile {
    /// Collects the entries of a stretch of a manifest's lines on the thread that checks them; the
    /// stretches are appended to the profile in file order (``DatasetProfile/append(_:lineOffset:)``).
    ///
    /// Labels are numbered in the stretch's own order of first appearance, and renumbered when appended.
    final class Collector {
        // Filled by the one thread that checks the stretch, then read by the merging thread after it is handed
        // over: no dynamic exclusivity checks needed.
        @exclusivity(unchecked) private(set) var entries: [Entry] = []
        @exclusivity(unchecked) private(set) var labelUses: [LabelUse] = []
        @exclusivity(unchecked) private(set) var boxes: [BoxFact] = []
        @exclusivity(unchecked) private(set) var labelNames: [String] = []
        @exclusivity(unchecked) private var labelTable = ByteStringTable()
        /// The label nodes of the current line and their numbers.
        @exclusivity(unchecked) private var lineLabels: [(node: Int, ordinal: Int)] = []
        /// The profile's number of each of ``labelNames`` appended so far.
        var profileOrdinals: [Int] = []

        /// Takes the object line `line`, number `number` (counted from the stretch's start).
        func observe(_ line: ManifestLine, number: Int) {
            let document = line.document
            let useStart = labelUses.count
            let boxStart = boxes.count
            lineLabels.removeAll(keepingCapacity: true)
            for node in line.labels {
                let ordinal = ordinal(of: node, in: document)
                lineLabels.append((node, ordinal))
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
                    id >= 0, id < 1e15, let name = Self.className(Int(id), in: pair.classMap, document),
                    let known = lineLabels.first(where: { $0.node == name })
                {
                    label = known.ordinal
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

        /// The string node the `class-map` at `map` names class `id` with (its key written as the plain
        /// number), or nil.
        private static func className(_ id: Int, in map: Int, _ document: JSONDocument) -> Int? {
            for key in document.children(of: map) where document[key + 1].kind == .string {
                let node = document[key]
                guard node.flags & JSONNode.hasEscapes == 0 else { continue }
                let start = Int(node.start) + 1
                let end = Int(node.end) - 1
                guard end > start, end - start < 16, document.bytes[start] != UInt8(ascii: "0") || end - start == 1
                else { continue }
                var value = 0
                var isNumber = true
                for offset in start..<end {
                    let digit = Int(document.bytes[offset]) - 48
                    guard (0...9).contains(digit) else {
                        isNumber = false
                        break
                    }
                    value = value * 10 + digit
                }
                if isNumber, value == id { return key + 1 }
            }
            return nil
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
