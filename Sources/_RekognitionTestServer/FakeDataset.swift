import Foundation

/// One dataset of the test server: its entries keyed by `source-ref` in the order first added, its status,
/// the update in progress, and how often each `source-ref` was applied.
package struct FakeDataset: Sendable {
    /// The entries' lines, in order.
    package var order: [String] = []
    /// The line of each `source-ref`.
    package var entries: [String: String] = [:]
    /// How many updates applied each `source-ref`.
    package var applications: [String: Int] = [:]
    /// How many entries carry errors.
    package private(set) var errorEntries = 0
    /// The status, such as `UPDATE_COMPLETE` or `UPDATE_IN_PROGRESS`.
    package var status = "CREATE_COMPLETE"
    /// The status message.
    package var statusMessage = "The dataset was successfully created."
    /// `SUCCESS`, `CLIENT_ERROR`, `SERVICE_ERROR`.
    package var statusMessageCode = "SUCCESS"
    /// The lines of the update in progress, and whether it will fail.
    var pending: (lines: [String], failure: String?)?
    /// `DescribeDataset` calls left before the update in progress ends.
    var pollsLeft = 0

    /// Sets the dataset's entries directly (the prior state of a scenario).
    package mutating func seed(_ lines: [String]) {
        for line in lines {
            guard let sourceRef = Self.sourceRef(of: line) else { continue }
            store(line, at: sourceRef)
        }
        status = "UPDATE_COMPLETE"
    }

    /// Starts an update of `lines`, which ends after `polls` calls of `DescribeDataset`.
    mutating func begin(_ lines: [String], polls: Int, failure: String?) {
        pending = (lines, failure)
        pollsLeft = polls
        status = "UPDATE_IN_PROGRESS"
        statusMessage = "The dataset is being updated."
    }

    /// Counts one `DescribeDataset` call; ends the update in progress when its time has come.
    mutating func poll() {
        guard let update = pending else { return }
        if pollsLeft > 0 {
            pollsLeft -= 1
            return
        }
        finish(update)
    }

    /// Ends the update in progress now.
    mutating func finish(_ update: (lines: [String], failure: String?)) {
        pending = nil
        if let failure = update.failure {
            status = "UPDATE_FAILED"
            statusMessage = failure
            statusMessageCode = "CLIENT_ERROR"
            return
        }
        // Terminal content errors drop a line; more than 20% of lines in error fail the update.
        var seen: Set<String> = []
        var valid: [(String, String)] = []
        var repeated: Set<String> = []
        for line in update.lines {
            guard line.utf8.count <= 100_000, let sourceRef = Self.sourceRef(of: line) else { continue }
            if !seen.insert(sourceRef).inserted { repeated.insert(sourceRef) }
            valid.append((sourceRef, line))
        }
        valid.removeAll { repeated.contains($0.0) }
        let errors = update.lines.count - valid.count
        if update.lines.isEmpty || errors * 5 > update.lines.count {
            status = "UPDATE_FAILED"
            statusMessage = "ERROR_TOO_MANY_RECORDS_IN_ERROR: more than 20% of the lines have errors."
            statusMessageCode = "CLIENT_ERROR"
            return
        }
        for (sourceRef, line) in valid {
            store(Self.annotatingErrors(line), at: sourceRef)
            applications[sourceRef, default: 0] += 1
        }
        status = "UPDATE_COMPLETE"
        statusMessage = "The dataset was successfully updated."
        statusMessageCode = "SUCCESS"
    }

    /// Adds or replaces the entry of `sourceRef`, keeping the count of entries with errors.
    private mutating func store(_ line: String, at sourceRef: String) {
        if let old = entries[sourceRef] {
            if Self.hasErrors(old) { errorEntries -= 1 }
        } else {
            order.append(sourceRef)
        }
        entries[sourceRef] = line
        if Self.hasErrors(line) { errorEntries += 1 }
    }

    /// The `source-ref` of a line that is a JSON object with an `s3://` one.
    static func sourceRef(of line: String) -> String? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
            let sourceRef = object["source-ref"] as? String, sourceRef.hasPrefix("s3://")
        else { return nil }
        return sourceRef
    }

    /// The line with the non-terminal errors the service would add: a bounding box narrower or lower than
    /// one pixel gets `ERROR_BOUNDING_BOX_TOO_SMALL` in its `errors`.
    static func annotatingErrors(_ line: String) -> String {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            return line
        }
        var changed = false
        for (key, value) in object {
            guard var attribute = value as? [String: Any],
                var annotations = attribute["annotations"] as? [[String: Any]]
            else { continue }
            for index in annotations.indices {
                let width = (annotations[index]["width"] as? Double) ?? 1
                let height = (annotations[index]["height"] as? Double) ?? 1
                if width < 1 || height < 1 {
                    annotations[index]["errors"] = [
                        [
                            "code": "ERROR_BOUNDING_BOX_TOO_SMALL",
                            "message": "The height and width of the bounding box is too small.",
                        ]
                    ]
                    changed = true
                }
            }
            attribute["annotations"] = annotations
            object[key] = attribute
        }
        guard changed,
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return line }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether an entry carries errors.
    static func hasErrors(_ line: String) -> Bool {
        line.contains("\"errors\"") || line.contains("\"cl-errors\"")
    }
}
