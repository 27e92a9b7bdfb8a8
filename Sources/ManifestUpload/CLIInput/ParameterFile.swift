import Foundation

/// The AWS CLI's parameter files: a value `file://PATH` stands for the text of the file, `fileb://PATH` for
/// its bytes (a leading `~` is the home directory); any other value stands for itself.
public enum ParameterFile {
    /// The bytes `value` stands for, and the path it was read from, if any.
    public static func resolve(_ value: String) throws(CLIInputError) -> (bytes: [UInt8], path: String?) {
        for prefix in ["file://", "fileb://"] where value.hasPrefix(prefix) {
            var path = String(value.dropFirst(prefix.count))
            if path == "~" || path.hasPrefix("~/") { path = NSHomeDirectory() + path.dropFirst() }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIInputError(
                    "Error parsing parameter: Unable to load paramfile \(value): file not found or not readable")
            }
            if prefix == "file://", String(data: data, encoding: .utf8) == nil {
                throw CLIInputError(
                    "Error parsing parameter: Unable to load paramfile \(value): not UTF-8 text (use fileb://)")
            }
            return (Array(data), path)
        }
        return (Array(value.utf8), nil)
    }
}
