import Foundation

/// The `Changes` structure of `update-dataset-entries`, as the AWS CLI reads it: JSON
/// (`{"GroundTruth": "..."}`) or shorthand (`GroundTruth=...`, the value quoted with `'` or `"` when it holds
/// commas or spaces), with the blob decoded according to `--cli-binary-format`.
public enum ChangesParameter {
    /// How a blob's text becomes bytes (`--cli-binary-format`).
    public enum BinaryFormat: String, Sendable, CaseIterable {
        /// AWS CLI v2's default: the text is base64 and is decoded.
        case base64
        /// The text is the raw value (it is base64-encoded on the wire).
        case rawInBase64Out = "raw-in-base64-out"
    }

    /// The `GroundTruth` text of a `--changes` value (after `file://` resolution).
    public static func groundTruthText(_ text: String) throws(CLIInputError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any] else {
                throw CLIInputError("Error parsing parameter '--changes': Invalid JSON: \(String(trimmed.prefix(80)))")
            }
            return try groundTruth(in: object, parameter: "--changes")
        }
        return try shorthand(trimmed)
    }

    /// The `GroundTruth` member of a `Changes` object.
    public static func groundTruth(in object: [String: Any], parameter: String) throws(CLIInputError) -> String {
        if let unknown = object.keys.sorted().first(where: { $0 != "GroundTruth" }) {
            throw CLIInputError(
                "Parameter validation failed:\nUnknown parameter in Changes: \"\(unknown)\", must be one of: GroundTruth"
            )
        }
        guard let value = object["GroundTruth"] else {
            throw CLIInputError(
                "Parameter validation failed:\nMissing required parameter in Changes: \"GroundTruth\"")
        }
        guard let text = value as? String else {
            // As botocore says it (null is Python's None: what --generate-cli-skeleton leaves to fill in).
            let shown = value is NSNull ? "None, type: <class 'NoneType'>" : "\(value)"
            throw CLIInputError(
                "Parameter validation failed:\nInvalid type for parameter Changes.GroundTruth (in \(parameter)), "
                    + "value: \(shown), valid types: <class 'bytes'>, <class 'bytearray'>, file-like object")
        }
        return text
    }

    /// Whether `text` is JSON text (it starts with `{` after whitespace) rather than base64: `{` is not in the
    /// base64 alphabet, so such a value is unambiguously the JSON Lines themselves, as AWS CLI v1 passes them.
    public static func isJSONText(_ text: String) -> Bool {
        text.first { !$0.isWhitespace } == "{"
    }

    /// The bytes of a blob's text.
    ///
    /// With `base64`, JSON text (``isJSONText(_:)``) is taken as it is, so that
    /// one command line works with AWS CLI v1 and v2 habits.
    public static func decode(_ text: String, format: BinaryFormat) throws(CLIInputError) -> [UInt8] {
        switch format {
        case .rawInBase64Out:
            return Array(text.utf8)
        case .base64 where isJSONText(text):
            return Array(text.utf8)
        case .base64:
            let compact = text.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: compact) else {
                throw CLIInputError(
                    "Invalid base64: \"\(String(text.prefix(60)))\(text.count > 60 ? "…" : "")\"; with "
                        + "--cli-binary-format base64 (the default, as in AWS CLI v2) GroundTruth must be base64. "
                        + "Pass --cli-binary-format raw-in-base64-out to give the JSON Lines as they are")
            }
            return Array(data)
        }
    }

    /// `GroundTruth=value`: the value unquoted (`'…'` or `"…"`, a backslash escaping the quote) or up to the
    /// next comma.
    static func shorthand(_ text: String) throws(CLIInputError) -> String {
        let characters = Array(text)
        var index = 0
        var found: String?
        while index < characters.count {
            guard let equals = characters[index...].firstIndex(of: "=") else {
                throw CLIInputError(
                    "Error parsing parameter '--changes': Expected: '=', received: end of input for input:\n\(text)")
            }
            let key = String(characters[index..<equals]).trimmingCharacters(in: .whitespaces)
            index = equals + 1
            var value = ""
            if index < characters.count, characters[index] == "'" || characters[index] == "\"" {
                let quote = characters[index]
                index += 1
                var closed = false
                while index < characters.count {
                    if characters[index] == "\\", index + 1 < characters.count, characters[index + 1] == quote {
                        value.append(quote)
                        index += 2
                        continue
                    }
                    if characters[index] == quote {
                        closed = true
                        index += 1
                        break
                    }
                    value.append(characters[index])
                    index += 1
                }
                guard closed else {
                    throw CLIInputError(
                        "Error parsing parameter '--changes': Expected: '\(quote)', received: end of input")
                }
            } else {
                while index < characters.count, characters[index] != "," {
                    value.append(characters[index])
                    index += 1
                }
                if value.hasPrefix("{") || value.hasPrefix("[") {
                    throw CLIInputError(
                        "Error parsing parameter '--changes': a shorthand value that starts with '\(value.prefix(1))' "
                            + "must be quoted: GroundTruth='…'")
                }
            }
            guard key == "GroundTruth" else {
                throw CLIInputError(
                    "Parameter validation failed:\nUnknown parameter in Changes: \"\(key)\", must be one of: GroundTruth"
                )
            }
            found = value
            while index < characters.count, characters[index] == "," || characters[index] == " " { index += 1 }
        }
        guard let found else {
            throw CLIInputError("Parameter validation failed:\nMissing required parameter in Changes: \"GroundTruth\"")
        }
        return found
    }
}
