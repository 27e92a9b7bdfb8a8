import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift`, the commit the `clmanifest` binary is built from, for `--version`.
///
/// It runs before every build and rewrites the file only when the commit changed, so an unchanged checkout
/// compiles nothing again. Outside a git checkout the commit is `unknown`.
@main struct VersionStamp: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL
        let script = """
            commit=$(git -c safe.directory="$2" -C "$2" rev-parse --short=12 HEAD 2>/dev/null) || commit=unknown
            if [ "$commit" != unknown ] && ! git -c safe.directory="$2" -C "$2" diff --quiet HEAD -- Sources Package.swift 2>/dev/null; then
              commit="$commit+changes"
            fi
            printf '/// The commit this binary was built from (Plugins/VersionStamp).\\nlet buildCommit = "%s"\\n' \
              "$commit" > "$1/BuildCommit.swift.new"
            if cmp -s "$1/BuildCommit.swift.new" "$1/BuildCommit.swift"; then
              rm "$1/BuildCommit.swift.new"
            else
              mv "$1/BuildCommit.swift.new" "$1/BuildCommit.swift"
            fi
            """
        return [
            .prebuildCommand(
                displayName: "Stamping the commit into clmanifest --version",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "stamp", output.path, context.package.directoryURL.path],
                outputFilesDirectory: output)
        ]
    }
}
