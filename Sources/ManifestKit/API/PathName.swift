#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Path arithmetic on strings, lexically, as POSIX spells paths.
///
/// Foundation's `NSString` path methods crash on Linux for `.` and `./` (`deletingLastPathComponent`), so
/// every path a user types goes through these instead:
///
/// ```swift
/// PathName.absolute("./samples/../samples/a.manifest")   // the current directory + "/samples/a.manifest"
/// PathName.directory(of: "samples/a.manifest")            // "samples"
/// PathName.joined("cfg/", "schemas/extra.yaml")           // "cfg/schemas/extra.yaml"
/// ```
public enum PathName {
    /// The current working directory, or `/` when it cannot be read (it was removed).
    public static var currentDirectory: String {
        guard let pointer = getcwd(nil, 0) else { return "/" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// `path` made absolute against the current directory, with `.`, `..`, repeated and trailing slashes
    /// resolved lexically (symbolic links are not followed).
    public static func absolute(_ path: String, from directory: String? = nil) -> String {
        let full = path.hasPrefix("/") ? path : (directory ?? currentDirectory) + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The directory that holds `path`, lexically: `a/b.manifest` → `a`, `b.manifest` → `.`, `/a` → `/`,
    /// `a/` → `.`; for `.`, `./`, `..` and `/` the absolute directory above them (`/` for `/`).
    public static func directory(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        let last = trimmed.split(separator: "/", omittingEmptySubsequences: true).last
        if trimmed.isEmpty || last == "." || last == ".." {
            return directory(of: absolute(trimmed.isEmpty ? "." : trimmed))
        }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let head = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return head.isEmpty ? "/" : head
    }

    /// The last component of `path`, ignoring trailing slashes: `a/b.yaml` → `b.yaml`, `a/` → `a`, `/` → `/`.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `name` inside `directory`, unless `name` is absolute or `directory` is empty.
    public static func joined(_ directory: String, _ name: String) -> String {
        if name.hasPrefix("/") || directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `path` relative to the directory `base` when it lies inside it; else `path` made absolute.
    ///
    /// Both are made absolute first, so `relative("cfg/a.manifest", to: "cfg")` is `a.manifest` from any
    /// working directory.
    public static func relative(_ path: String, to base: String) -> String {
        let target = absolute(path)
        let root = absolute(base)
        if target == root { return "." }
        let prefix = root == "/" ? "/" : root + "/"
        return target.hasPrefix(prefix) ? String(target.dropFirst(prefix.count)) : target
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
