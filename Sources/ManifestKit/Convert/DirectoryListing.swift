#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files under a folder, for the converters that read a tree (folders, YOLO): relative paths with `/`,
/// sorted, so that the output does not depend on the file system's order; hidden files and folders left out.
enum DirectoryListing {
    /// The regular files under `root`, relative to it, sorted.
    static func files(under root: String) throws(ConversionError) -> [String] {
        var files: [String] = []
        try walk(root, "", depth: 0, into: &files)
        return files.sorted()
    }

    /// Whether `name` ends in `.jpg`, `.jpeg` or `.png`, any case: the formats the service reads.
    static func isImage(_ name: some StringProtocol) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".jpg") || lowered.hasSuffix(".jpeg") || lowered.hasSuffix(".png")
    }

    /// The width and height of the image file at `path`, from its header; nil when it cannot be read.
    static func imageSize(at path: String) -> (width: Int, height: Int)? {
        guard case .image(_, let header) = ImageFile.inspect(path: path), let width = header.width,
            let height = header.height
        else { return nil }
        return (width, height)
    }

    private static func walk(_ root: String, _ relative: String, depth: Int, into files: inout [String])
        throws(ConversionError)
    {
        let directory = relative.isEmpty ? root : PathName.joined(root, relative)
        guard depth < 64 else { throw ConversionError(file: directory, message: "folders nest more than 64 deep") }
        guard let handle = opendir(directory) else {
            throw ConversionError(file: directory, message: "cannot read the folder: \(FileContents.systemReason())")
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard let name = String(validating: raw, as: UTF8.self) else {
                throw ConversionError(
                    file: directory,
                    message:
                        "a file name that is not UTF-8 (\(String(decoding: raw, as: UTF8.self))): an S3 key must be")
            }
            guard !name.hasPrefix(".") else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard stat(PathName.joined(root, path), &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                try walk(root, path, depth: depth + 1, into: &files)
            } else if status.st_mode & S_IFMT == S_IFREG {
                files.append(path)
            }
        }
    }
}
