import Foundation
import ManifestKit

/// Downloads every entry of a dataset (`ListDatasetEntries`, page by page) as a manifest.
public struct DatasetPuller {
    /// The client.
    public var client: RekognitionClient
    /// The dataset.
    public var datasetARN: String
    /// Whether to remove the keys the service adds (`cl-metadata`, `cl-errors`, `errors`, `warnings`).
    public var stripsServiceKeys: Bool
    /// Receives the running count of entries after each page.
    public var onPage: (Int) -> Void

    /// Creates a puller.
    public init(
        client: RekognitionClient, datasetARN: String, stripsServiceKeys: Bool = false,
        onPage: @escaping (Int) -> Void = { _ in }
    ) {
        self.client = client
        self.datasetARN = datasetARN
        self.stripsServiceKeys = stripsServiceKeys
        self.onPage = onPage
    }

    /// Every entry, one line each (each ends with a newline), and how many there were.
    public func pull() throws -> (manifest: [UInt8], entries: Int) {
        var manifest: [UInt8] = []
        var count = 0
        try client.forEachDatasetEntry(datasetARN: datasetARN) { entries in
            for entry in entries {
                let line = stripsServiceKeys ? try Self.strippingServiceKeys(entry) : Array(entry.utf8)
                manifest.append(contentsOf: line)
                manifest.append(UInt8(ascii: "\n"))
            }
            count += entries.count
            onPage(count)
        }
        return (manifest, count)
    }

    /// `entry` without the service's keys, anywhere in it; other bytes are kept as they are.
    public static func strippingServiceKeys(_ entry: String) throws -> [UInt8] {
        let bytes = Array(entry.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws -> [UInt8] in
            let document: JSONDocument
            do {
                document = try JSONParser().parse(buffer)
            } catch {
                throw RekognitionError.invalidResponse(
                    operation: "ListDatasetEntries", reason: "an entry is not valid JSON: \(error)")
            }
            var removals: [Range<Int>] = []
            collectServiceKeys(document, JSONDocument.rootIndex, into: &removals)
            guard !removals.isEmpty else { return bytes }
            var output: [UInt8] = []
            var position = 0
            for range in removals.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound >= position {
                output += bytes[position..<range.lowerBound]
                position = range.upperBound
            }
            output += bytes[position...]
            return output
        }
    }

    /// The byte ranges to cut for each service key: the member and the comma that separates it.
    private static func collectServiceKeys(_ document: JSONDocument, _ index: Int, into removals: inout [Range<Int>]) {
        let node = document[index]
        if node.kind == .array {
            for element in document.elements(of: index) { collectServiceKeys(document, element, into: &removals) }
            return
        }
        guard node.kind == .object else { return }
        let members = document.members(of: index)
        let serviceKeys = Set(ServiceAddedKeys.names)
        let removed = members.map { serviceKeys.contains(document.string(at: $0.key)) }
        for (position, member) in members.enumerated() {
            guard removed[position] else {
                collectServiceKeys(document, member.value, into: &removals)
                continue
            }
            let start = Int(document[member.key].start)
            let end = Int(document[member.value].end)
            if let next = members[(position + 1)...].indices.first.map({ members[$0] }) {
                removals.append(start..<Int(document[next.key].start))  // "key": value, (up to the next key)
            } else if let previous = (0..<position).last(where: { !removed[$0] }) {
                removals.append(Int(document[members[previous].value].end)..<end)  // , "key": value
            } else {
                removals.append(start..<end)
            }
        }
    }
}
