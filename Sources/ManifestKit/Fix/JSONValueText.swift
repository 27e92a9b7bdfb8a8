/// Small pieces of JSON text the fixes write.
enum JSONValueText {
    /// `text` when it is a JSON number as RFC 8259 writes one (`12`, `-0.5`, `1e3`), else nil.
    static func number(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let start = index
        guard digits() > 0 else { return nil }
        if index - start > 1, bytes[start] == UInt8(ascii: "0") { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return nil }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { return nil }
        }
        return index == bytes.count ? text : nil
    }

    /// The array `array` of the site's line written again with only the elements at `kept` (in order) and
    /// then `added`, each as written, joined by the array's own separator (`, ` when it has none).
    static func array(_ array: Int, of site: FixSite, keeping kept: [Int], adding added: [String] = []) -> String {
        guard let document = site.document else { return "[]" }
        let elements = document.elements(of: array)
        var separator = ", "
        if elements.count > 1 {
            let between = Int(document[elements[0]].end)..<Int(document[elements[1]].start)
            separator = String(decoding: UnsafeBufferPointer(rebasing: site.bytes[between]), as: UTF8.self)
        }
        let texts = kept.map { document.rawText(at: elements[$0]) } + added
        return "[" + texts.joined(separator: separator) + "]"
    }

    /// A whole number as JSON writes it.
    static func integer(_ value: Double) -> String {
        String(Int(value.rounded()))
    }
}
