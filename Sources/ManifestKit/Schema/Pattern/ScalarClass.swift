/// A set of Unicode scalars: ranges and general categories, possibly negated (a regex character class).
struct ScalarClass: Sendable, Hashable {
    /// Inclusive ranges of scalar values.
    var ranges: [ClosedRange<UInt32>] = []
    /// General categories whose scalars belong to the set.
    var categories: [Unicode.GeneralCategory] = []
    /// Nested classes such as `\D` inside `[...]`: each contributes its members.
    var nested: [ScalarClass] = []
    /// True when the set is everything not described above.
    var isNegated = false

    /// Whether `scalar` is in the set.
    func contains(_ value: UInt32) -> Bool {
        var found = ranges.contains { $0.contains(value) }
        if !found, !categories.isEmpty, let scalar = Unicode.Scalar(value) {
            found = categories.contains(scalar.properties.generalCategory)
        }
        if !found { found = nested.contains { $0.contains(value) } }
        return found != isNegated
    }

    /// One scalar.
    static func single(_ value: UInt32) -> ScalarClass {
        ScalarClass(ranges: [value...value])
    }

    /// `.`: anything but a line terminator.
    static let dot = ScalarClass(ranges: lineTerminators, isNegated: true)

    /// `\d`.
    static let digit = ScalarClass(ranges: [0x30...0x39])

    /// `\w`.
    static let word = ScalarClass(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])

    /// `\s`: ECMAScript white space and line terminators.
    static let space = ScalarClass(
        ranges: [
            0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
            0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
        ])

    private static let lineTerminators: [ClosedRange<UInt32>] = [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]

    /// This class with its meaning reversed.
    func negated() -> ScalarClass {
        var copy = self
        copy.isNegated.toggle()
        return copy
    }

    /// The general categories named by a `\p{…}` property, or nil when clmanifest does not support it.
    static func categories(forProperty name: String) -> [Unicode.GeneralCategory]? {
        let value =
            name.hasPrefix("General_Category=")
            ? String(name.dropFirst(17))
            : name.hasPrefix("gc=") ? String(name.dropFirst(3)) : name
        switch value {
        case "L", "Letter":
            return [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        case "Lu", "Uppercase_Letter": return [.uppercaseLetter]
        case "Ll", "Lowercase_Letter": return [.lowercaseLetter]
        case "Lt", "Titlecase_Letter": return [.titlecaseLetter]
        case "Lm", "Modifier_Letter": return [.modifierLetter]
        case "Lo", "Other_Letter": return [.otherLetter]
        case "M", "Mark": return [.nonspacingMark, .spacingMark, .enclosingMark]
        case "N", "Number": return [.decimalNumber, .letterNumber, .otherNumber]
        case "Nd", "Decimal_Number", "digit": return [.decimalNumber]
        case "Nl", "Letter_Number": return [.letterNumber]
        case "No", "Other_Number": return [.otherNumber]
        case "P", "Punctuation":
            return [
                .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation,
            ]
        case "S", "Symbol": return [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        case "Z", "Separator": return [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        case "Zs", "Space_Separator": return [.spaceSeparator]
        case "C", "Other": return [.control, .format, .surrogate, .privateUse, .unassigned]
        case "Cc", "Control": return [.control]
        default: return nil
        }
    }
}
