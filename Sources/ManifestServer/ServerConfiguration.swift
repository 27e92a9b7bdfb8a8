public import ManifestKit

/// What the server needs from the command line: the linter of each manifest (its `.clmanifest.yml` found
/// as `lint` finds it, its rules, options and `images:` mappings) and the fixes it may offer.
public struct ServerConfiguration {
    /// The linter for the manifest at a path; an error when its configuration cannot be used.
    public var linter: (_ path: String) throws(ManifestError) -> ManifestLinter
    /// The fixes the configuration allows for a path (`fix.unsafe-fixes`, `fixable`, `unfixable`).
    public var fixPolicy: (_ path: String) -> FixPolicy

    /// A configuration of the server.
    public init(
        linter: @escaping (_ path: String) throws(ManifestError) -> ManifestLinter,
        fixPolicy: @escaping (_ path: String) -> FixPolicy = { _ in FixPolicy() }
    ) {
        self.linter = linter
        self.fixPolicy = fixPolicy
    }
}
