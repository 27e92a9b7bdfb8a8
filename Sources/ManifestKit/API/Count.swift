/// Numbers as every message writes them: thousands separated by commas, nouns in the right number, and
/// sizes in bytes with MiB beside them from one MiB up.
///
/// ```swift
/// Count.phrase(1, "line")                  // "1 line"
/// Count.phrase(12_000, "batch", "batches") // "12,000 batches"
/// Count.bytes(12_106_839)                  // "12,106,839 bytes (11.5 MiB)"
/// ```
public enum Count {
    /// `number` with a comma every three digits: `1234567` → `1,234,567`.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    /// `count` and the noun, singular for exactly one: `1 line`, `0 lines`, `2 boxes`.
    public static func phrase(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(grouped(count)) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// A size: `512 bytes`, `1 byte`, `5,242,880 bytes (5.0 MiB)`.
    public static func bytes(_ count: Int) -> String {
        let text = phrase(count, "byte")
        guard count >= 1 << 20 else { return text }
        return text + " (\(mebibytes(count)) MiB)"
    }

    /// `count` bytes in MiB with one decimal (two under ten): `8.99`, `11.5`.
    public static func mebibytes(_ count: Int) -> String {
        let value = Double(count) / 1_048_576
        let scale = value < 10 ? 100.0 : 10.0
        let rounded = (value * scale).rounded() / scale
        return rounded == rounded.rounded() ? String(Int(rounded)) + ".0" : String(rounded)
    }
}
