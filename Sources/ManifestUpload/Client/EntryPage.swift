import Foundation
import ManifestKit

/// One page of `ListDatasetEntries`, read with the manifest parser rather than `JSONSerialization`.
///
/// A page is up to 100 entries, each a JSON Lines entry inside a JSON string (tens of KB of escapes);
/// pulling a dataset reads thousands of them, and Foundation's reader took most of the client's time.
struct EntryPage {
    /// The entries, decoded.
    var entries: [String] = []
    /// The token for the next page, or nil after the last.
    var nextToken: String?

    /// Reads the body of `response`; an empty body is an empty last page.
    init(_ response: HTTPResponse) throws(RekognitionError) {
        if response.bodyIsBlank { return }
        let parsed = response.body.withUnsafeBytes { raw in
            Result { () throws(JSONSyntaxError) in try JSONParser().parse(raw.bindMemory(to: UInt8.self)) }
        }
        let document: JSONDocument
        switch parsed {
        case .success(let value): document = value
        case .failure(let error): throw Self.unreadable("the answer is not JSON: \(error)")
        }
        let root = JSONDocument.rootIndex
        guard document[root].kind == .object else { throw Self.unreadable("the answer is not a JSON object") }
        if let list = document.member("DatasetEntries", in: root), document[list].kind != .null {
            guard document[list].kind == .array else {
                throw Self.unreadable("DatasetEntries is not a list of strings")
            }
            for element in document.elements(of: list) {
                guard document[element].kind == .string else {
                    throw Self.unreadable("DatasetEntries is not a list of strings")
                }
                entries.append(document.string(at: element))
            }
        }
        if let token = document.member("NextToken", in: root), document[token].kind == .string {
            let text = document.string(at: token)
            nextToken = text.isEmpty ? nil : text
        }
    }

    private static func unreadable(_ reason: String) -> RekognitionError {
        .invalidResponse(operation: "ListDatasetEntries", reason: reason)
    }
}
