/// clmanifest's version, in one place: `--version`, the wheel's name, SARIF's driver, the language
/// server's `serverInfo` and the HTTP `User-Agent` all read it from here.
public enum ClmanifestVersion {
    /// The release number (semantic versioning).
    public static let number = "0.3.0"
}
