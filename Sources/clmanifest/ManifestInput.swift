import ManifestKit
import ManifestUpload
import Synchronization

/// Where a command's manifests come from: local paths (and `-`) are read by the command as before;
/// `s3://BUCKET/KEY` is read from S3 (ranged GETs in parallel for a large object, with progress on a
/// terminal) and checked from memory, its findings named `s3://BUCKET/KEY:LINE:COL`.
final class ManifestInput {
    private let settings: S3Settings
    private let concurrency: Int
    private var client: S3Client?

    /// Reads through S3 as `options` say.
    convenience init(options: S3Options) {
        self.init(settings: options.settings, concurrency: options.s3Concurrency)
    }

    /// Reads through S3 with `settings`, `concurrency` requests at once.
    init(settings: S3Settings, concurrency: Int = 32) {
        self.settings = settings
        self.concurrency = concurrency
    }

    /// Whether `path` names an S3 object.
    static func isS3(_ path: String) -> Bool {
        S3URI.isS3(path)
    }

    /// The client, made on first use (so that commands on local files never need credentials).
    func s3Client() throws(ManifestError) -> S3Client {
        if let client { return client }
        do {
            let made = try settings.client { Output.standardError($0 + "\n") }
            client = made
            return made
        } catch {
            throw ManifestError.readFailed(path: "s3://", reason: error.description)
        }
    }

    /// The bytes of the S3 object `path` (`s3://BUCKET/KEY`).
    func bytes(of path: String) throws(ManifestError) -> [UInt8] {
        guard let uri = S3URI(path), !uri.key.isEmpty else {
            throw ManifestError.readFailed(
                path: path, reason: "an s3:// path names a bucket and a key: s3://BUCKET/KEY")
        }
        var reader = S3ObjectReader(client: try s3Client())
        reader.concurrency = min(concurrency, 16)
        let display = SharedProgress(ProgressDisplay())
        reader.progress = { read, total in
            display.note(
                "\(path): \(Count.grouped(read >> 20)) of \(Count.grouped((total + (1 << 20) - 1) >> 20)) MiB read from S3"
            )
        }
        defer { display.end() }
        do {
            return try reader.read(uri)
        } catch {
            throw ManifestError.readFailed(path: path, reason: error.description)
        }
    }

    /// Gives `linter` the S3 client for its image mappings in S3 (`--images s3://BUCKET/PREFIX/`), with
    /// `--s3-concurrency` requests in flight.
    func prepareImages(for linter: ManifestLinter) throws(ManifestError) {
        guard linter.remoteImages == nil, linter.options.images.contains(where: \.isInS3) else { return }
        linter.remoteImages = S3ImageStore(client: try s3Client())
        linter.imageThreads = concurrency
    }

    /// Writes `bytes` to `path`, an S3 object or a file; a failure stops the command (exit 2).
    ///
    /// An S3 object gets one PUT, or a multipart upload above 64 MiB, each part with its checksum; a file
    /// is replaced atomically.
    func write(_ bytes: [UInt8], to path: String) throws {
        guard Self.isS3(path) else {
            do {
                try AtomicFile.write(bytes, to: path)
            } catch {
                throw CommandFailure(message: "cannot write '\(path)': \(error.reason)")
            }
            return
        }
        guard let uri = S3URI(path), !uri.key.isEmpty else {
            throw CommandFailure(
                message: "cannot write '\(path)': an s3:// path names a bucket and a key: s3://BUCKET/KEY")
        }
        let client: S3Client
        do {
            client = try s3Client()
        } catch {
            throw CommandFailure(message: error.description)
        }
        do throws(S3Error) {
            try client.upload(uri, body: bytes, concurrency: min(concurrency, 8))
        } catch {
            throw CommandFailure(message: "cannot write '\(path)': \(error.description)")
        }
    }

    /// The manifest `path` as a source: the file, or the S3 object read into memory.
    func source(_ path: String) throws(ManifestError) -> ManifestSource {
        Self.isS3(path) ? .memory(try bytes(of: path), name: path) : .file(path)
    }

    /// Lints `path` with `linter`: from S3 when it is an `s3://` path, else as a file (`displayName` naming
    /// standard input).
    func lint(_ path: String, with linter: ManifestLinter, displayName: String?) throws(ManifestError) -> [Diagnostic] {
        guard Self.isS3(path) else { return try linter.lint(path: path, displayName: displayName) }
        return linter.lint(bytes: try bytes(of: path), name: path)
    }
}

/// A progress display the threads reading an object share, one update at a time.
private final class SharedProgress: @unchecked Sendable {
    private let display: ProgressDisplay
    private let lock = Mutex(())

    init(_ display: ProgressDisplay) {
        self.display = display
    }

    func note(_ text: String) {
        lock.withLock { _ in display.note(text) }
    }

    func end() {
        lock.withLock { _ in display.end() }
    }
}
