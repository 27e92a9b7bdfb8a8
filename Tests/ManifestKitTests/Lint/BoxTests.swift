import Testing

@testable import ManifestKit

/// The box members are found by their names' bytes read as words.
@Suite struct BoxTests {
    /// The raw text of each member `Box` finds in the object `text`, in the order class_id, left, top,
    /// width, height ("" for a missing one).
    private func members(of text: String) throws -> [String] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            let document = try JSONParser().parse(buffer)
            let box = Box(annotation: JSONDocument.rootIndex, pair: 0, in: document)
            return [box.classID, box.left, box.top, box.width, box.height].map {
                $0 < 0 ? "" : document.rawText(at: $0)
            }
        }
    }

    @Test func wordsSpellTheMemberNames() throws {
        let text = #"{"class_id": 1, "left": 2, "top": 3, "width": 4, "height": 5, "leftover": 6, "to": 7}"#
        #expect(try members(of: text) == ["1", "2", "3", "4", "5"])
    }

    @Test func keysAtTheEndOfTheTextAreReadSafely() throws {
        #expect(try members(of: #"{"top":1}"#) == ["", "", "1", "", ""])
    }
}
