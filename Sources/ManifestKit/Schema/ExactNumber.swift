/// A JSON number held exactly as a decimal: sign, significant digits and a power of ten.
///
/// `1`, `1.0`, `10e-1` and `0.1e1` are the same value; integers of any size keep every digit. Used for
/// `minimum`, `multipleOf`, `enum`, `const` and `uniqueItems`, where binary floating point would be wrong.
public struct ExactNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// True for values below zero (never for zero).
    public let isNegative: Bool
    /// Significant decimal digits (0–9), without leading or trailing zeros; empty for zero.
    public let digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    public let exponent: Int

    /// Parses JSON number text (RFC 8259 grammar; also accepts a leading `+`, as YAML does).
    ///
    /// Fails when the text is not a number.
    ///
    /// - Parameter text: the number's text, such as `-12.50e3`.
    public init?(_ text: some StringProtocol) {
        var digits: [UInt8] = []
        var negative = false
        var exponent = 0
        var index = text.utf8.startIndex
        let bytes = text.utf8
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        var sawDigit = false
        var fractionDigits = 0
        var inFraction = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
                if !digits.isEmpty || byte != UInt8(ascii: "0") { digits.append(byte - UInt8(ascii: "0")) }
                if inFraction { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
            } else {
                break
            }
            index = bytes.index(after: index)
        }
        guard sawDigit else { return nil }
        if index < bytes.endIndex {
            guard bytes[index] | 0x20 == UInt8(ascii: "e") else { return nil }
            index = bytes.index(after: index)
            var exponentNegative = false
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index = bytes.index(after: index)
            }
            var value = 0
            var sawExponentDigit = false
            while index < bytes.endIndex, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                // Exponents beyond a billion are clamped; such values are out of any useful range anyway.
                value = min(value * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000_000)
                sawExponentDigit = true
                index = bytes.index(after: index)
            }
            guard sawExponentDigit, index == bytes.endIndex else { return nil }
            exponent = exponentNegative ? -value : value
        }
        exponent -= fractionDigits
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        self.init(isNegative: negative && !digits.isEmpty, digits: digits, exponent: digits.isEmpty ? 0 : exponent)
    }

    /// Creates a number from an integer.
    public init(_ value: Int) {
        var digits = String(value.magnitude).utf8.map { $0 - UInt8(ascii: "0") }
        var exponent = 0
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        self.init(isNegative: value < 0, digits: digits, exponent: digits.isEmpty ? 0 : exponent)
    }

    private init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        self.isNegative = isNegative
        self.digits = digits
        self.exponent = exponent
    }

    /// True for zero.
    public var isZero: Bool { digits.isEmpty }

    /// True when the value has no fractional part (`1.0` and `1e2` are integers).
    public var isInteger: Bool { exponent >= 0 }

    /// The value as an `Int` when it is an integer of at most 18 digits.
    public var intValue: Int? {
        guard exponent >= 0, digits.count + exponent <= 18 else { return nil }
        var value = 0
        for digit in digits { value = value * 10 + Int(digit) }
        for _ in 0..<exponent { value *= 10 }
        return isNegative ? -value : value
    }

    /// The nearest `Double` (may be infinite or zero for extreme exponents).
    public var doubleValue: Double { Double(description) ?? .nan }

    /// The position of the leading digit: the value lies in [10^(magnitude-1), 10^magnitude).
    private var magnitude: Int { digits.count + exponent }

    /// Canonical text: the significant digits, then `e` and the exponent when it is not zero (`-125e-1`).
    public var description: String {
        if digits.isEmpty { return "0" }
        let text = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        return (isNegative ? "-" : "") + text + (exponent == 0 ? "" : "e\(exponent)")
    }

    /// Orders numbers by value.
    public static func < (lhs: ExactNumber, rhs: ExactNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeLess = compareMagnitude(lhs, rhs) < 0
        let equal = lhs == rhs
        return lhs.isNegative ? (!magnitudeLess && !equal) : magnitudeLess
    }

    /// -1, 0 or 1 as |lhs| is below, equal to or above |rhs|.
    private static func compareMagnitude(_ lhs: ExactNumber, _ rhs: ExactNumber) -> Int {
        if lhs.isZero || rhs.isZero { return lhs.isZero ? (rhs.isZero ? 0 : -1) : 1 }
        if lhs.magnitude != rhs.magnitude { return lhs.magnitude < rhs.magnitude ? -1 : 1 }
        for index in 0..<max(lhs.digits.count, rhs.digits.count) {
            let left = index < lhs.digits.count ? lhs.digits[index] : 0
            let right = index < rhs.digits.count ? rhs.digits[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }

    /// Whether `self` is an integer multiple of `divisor` (which must be above zero).
    ///
    /// Exact for every divisor with up to 37 significant digits; beyond that, falls back to `Double`.
    public func isMultiple(of divisor: ExactNumber) -> Bool {
        if isZero { return true }
        guard !divisor.isZero else { return false }
        // self / divisor = (digits / divisorDigits) × 10^shift, with shift = exponent - divisor.exponent.
        let shift = exponent - divisor.exponent
        guard divisor.digits.count <= 37, let modulus = UInt128(digitText(divisor.digits)) else {
            let quotient = doubleValue / divisor.doubleValue
            return quotient.isFinite && quotient == quotient.rounded()
        }
        if shift >= 0 {
            // digits × 10^shift mod divisorDigits, one digit at a time.
            var remainder: UInt128 = 0
            for digit in digits { remainder = (remainder * 10 + UInt128(digit)) % modulus }
            var zeros = shift
            while zeros > 0, remainder != 0 {
                remainder = (remainder * 10) % modulus
                zeros -= 1
            }
            return remainder == 0
        }
        // digits / (divisorDigits × 10^-shift): digits, which has no trailing zeros, must be divisible by 10^-shift,
        // impossible unless the last digit is 0. So it is never an integer.
        return false
    }

    private func digitText(_ digits: [UInt8]) -> String {
        String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }
}
