#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a folder per class (`ROOT/CLASS/…/image.jpg`) into image-level labels.
///
/// As the console's "assign labels to images by folder" does, each image's label is the name of the first folder under the root,
/// and its path (`CLASS/…/image.jpg`) is relative to the root. Images are files ending in `.jpg`, `.jpeg`
/// or `.png` (any case); other files and files directly in the root are counted as dropped. The order is
/// sorted by path, so that the output does not depend on the file system.
public struct FolderReader {
    /// The root folder.
    public let root: String

    /// A reader of the folders under `root`.
    public init(root: String) {
        self.root = root
    }

    /// The images and what was left out.
    public func read() throws(ConversionError) -> (images: [LabeledImage], dropped: [String: Int]) {
        var files: [String] = []
        var dropped: [String: Int] = [:]
        try walk("", depth: 0, into: &files)
        var images: [LabeledImage] = []
        for file in files.sorted() {
            let components = file.split(separator: "/")
            let name = String(components.last ?? "")
            let lowered = name.lowercased()
            guard lowered.hasSuffix(".jpg") || lowered.hasSuffix(".jpeg") || lowered.hasSuffix(".png") else {
                if !name.hasPrefix(".") { dropped["files that are not .jpg, .jpeg or .png", default: 0] += 1 }
                continue
            }
            guard components.count >= 2 else {
                dropped["images directly in the root (no class folder)", default: 0] += 1
                continue
            }
            images.append(LabeledImage(path: file, labels: [String(components[0])]))
        }
        return (images, dropped)
    }

    /// Appends the files under `relative` (a path under the root, "" for the root itself).
    private func walk(_ relative: String, depth: Int, into files: inout [String]) throws(ConversionError) {
        let directory = relative.isEmpty ? root : PathName.joined(root, relative)
        guard depth < 64 else { throw ConversionError(file: directory, message: "folders nest more than 64 deep") }
        guard let handle = opendir(directory) else {
            throw ConversionError(file: directory, message: "cannot read the folder: \(FileContents.systemReason())")
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard stat(PathName.joined(root, path), &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                if !name.hasPrefix(".") { try walk(path, depth: depth + 1, into: &files) }
            } else if status.st_mode & S_IFMT == S_IFREG {
                files.append(path)
            }
        }
    }
}
