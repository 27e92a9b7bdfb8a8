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
        let files = try DirectoryListing.files(under: root)
        var dropped: [String: Int] = [:]
        var images: [LabeledImage] = []
        for file in files {
            let components = file.split(separator: "/")
            let name = String(components.last ?? "")
            guard DirectoryListing.isImage(name) else {
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
}
