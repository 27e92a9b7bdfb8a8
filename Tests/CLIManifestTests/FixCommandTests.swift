import Foundation
import Testing
import _ManifestTestSupport

/// Runs `clmanifest fix` (and `lint --fix`) as users, scripts and pre-commit do.
@Suite struct FixCommandTests {
    /// A valid line of the samples, and the same line broken in ways safe fixes mend.
    static let valid =
        (try? String(
            contentsOfFile: "\(SharedDirectory.packageRoot.path)/samples/image-level.manifest", encoding: .utf8))
        .map { $0.split(separator: "\n").map(String.init) } ?? []
    static var trailingComma: String { String(valid[1].dropLast()) + ",}" }
    static var humanAnnotatedTrue: String {
        valid[2].replacingOccurrences(of: #""human-annotated":"yes""#, with: #""human-annotated":true"#)
    }
    /// A line with a box of half a pixel: only an unsafe fix mends it.
    static let tinyBox =
        #"{"source-ref":"s3://acme-retail-vision/a.jpg","bb":{"image_size":[{"width":640,"height":480,"depth":3}],"#
        + #""annotations":[{"class_id":0,"top":1,"left":2,"width":9,"height":0.5},{"class_id":0,"top":1,"left":2,"#
        + #""width":9,"height":9}]},"bb-metadata":{"objects":[{"confidence":1},{"confidence":1}],"class-map":{"0":"dog"},"#
        + #""type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-05-01T08:00:00"}}"#

    /// The broken manifest: a byte order mark, a trailing comma, a blank line, human-annotated as true.
    static var broken: String {
        "\u{FEFF}" + valid[0] + "\n" + trailingComma + "\n\n" + humanAnnotatedTrue + "\n" + valid[3] + "\n"
    }
    static var mended: String { [valid[0], valid[1], valid[2], valid[3]].joined(separator: "\n") + "\n" }

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func write(_ text: String, to url: URL, mode: Int = 0o644) throws {
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    /// The file's text, a byte order mark kept (Foundation's decoding would drop it).
    private func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    @Test func theLinesAreThere() {
        #expect(Self.valid.count > 4)
    }

    @Test func fixesInPlaceKeepingTheModeAndSaysWhatItFixed() throws {
        let directory = try scratch()
        let file = directory.appendingPathComponent("train.manifest")
        try write(Self.broken, to: file, mode: 0o640)
        let result = try CommandRunner.run(["fix", "train.manifest"], directory: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try read(file) == Self.mended)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(result.standardError.hasPrefix("Fixed 4 findings in 1 file (0 remain).\nNo problems found in 1 file."))
        #expect(result.standardOutput.isEmpty)
        // Nothing left: a second run changes nothing.
        let again = try CommandRunner.run(["fix", "train.manifest"], directory: directory.path)
        #expect(again.status == 0)
        #expect(again.standardError.hasPrefix("Fixed 0 findings in 0 files (0 remain)."))
        #expect(try read(file) == Self.mended)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["train.manifest"])
    }

    @Test func aSymlinksTargetIsWrittenAndTheLinkKept() throws {
        let directory = try scratch()
        let target = directory.appendingPathComponent("real.manifest")
        let link = directory.appendingPathComponent("link.manifest")
        try write(Self.broken, to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.manifest")
        let result = try CommandRunner.run(["fix", "link.manifest"], directory: directory.path)
        #expect(result.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.manifest")
        #expect(try read(target) == Self.mended)
    }

    @Test func standardInputGoesToStandardOutputAndTheReportToStandardError() throws {
        let result = try CommandRunner.run(["fix", "-"], input: Array((Self.broken + Self.tinyBox + "\n").utf8))
        #expect(result.status == 1)
        #expect(result.standardOutput == Self.mended + Self.tinyBox + "\n")
        #expect(result.standardError.contains("-:5:"))
        #expect(result.standardError.contains("[CL304]"))
        #expect(
            result.standardError.contains("Fixed 4 findings in 1 file (3 remain; 1 more fixable with --unsafe-fixes)."))
    }

    @Test func unsafeFixesNeedTheFlagOrTheConfiguration() throws {
        let directory = try scratch()
        let file = directory.appendingPathComponent("boxes.manifest")
        let fixed = Self.tinyBox.replacingOccurrences(
            of: #"[{"class_id":0,"top":1,"left":2,"width":9,"height":0.5},"#, with: "["
        ).replacingOccurrences(
            of: #"[{"confidence":1},{"confidence":1}]"#, with: #"[{"confidence":1}]"#)
        try write(Self.tinyBox + "\n", to: file)
        let safeOnly = try CommandRunner.run(["fix", "boxes.manifest"], directory: directory.path)
        #expect(safeOnly.status == 1)
        #expect(try read(file) == Self.tinyBox + "\n")
        let flagged = try CommandRunner.run(["fix", "--unsafe-fixes", "boxes.manifest"], directory: directory.path)
        #expect(flagged.status == 0, "\(flagged.standardOutput)")
        #expect(try read(file) == fixed + "\n")
        try write(Self.tinyBox + "\n", to: file)
        try write("fix:\n  unsafe-fixes: true\n", to: directory.appendingPathComponent(".clmanifest.yml"))
        let configured = try CommandRunner.run(["fix", "boxes.manifest"], directory: directory.path)
        #expect(configured.status == 0)
        #expect(try read(file) == fixed + "\n")
        try write(Self.tinyBox + "\n", to: file)
        let overruled = try CommandRunner.run(
            ["fix", "--no-unsafe-fixes", "boxes.manifest"], directory: directory.path)
        #expect(overruled.status == 1)
        #expect(try read(file) == Self.tinyBox + "\n")
    }

    @Test func theDiffIsWhatFixWouldWriteAndPatchAppliesIt() throws {
        let directory = try scratch()
        let file = directory.appendingPathComponent("train.manifest")
        try write(Self.broken + "{\"x\": 1,}", to: file)  // The last line without a line feed.
        let diff = try CommandRunner.run(["fix", "--diff", "train.manifest"], directory: directory.path)
        #expect(diff.status == 1)
        #expect(diff.standardOutput.hasPrefix("--- a/train.manifest\n+++ b/train.manifest\n@@ -1,"))
        #expect(diff.standardError == "Would fix 5 findings in 1 file.\n")
        #expect(try read(file) == Self.broken + "{\"x\": 1,}", "--diff writes nothing")
        let copy = directory.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try write(Self.broken + "{\"x\": 1,}", to: copy.appendingPathComponent("train.manifest"))
        try write(diff.standardOutput, to: directory.appendingPathComponent("fix.diff"))
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        patch.arguments = ["patch", "-p1", "-s", "-i", directory.appendingPathComponent("fix.diff").path]
        patch.currentDirectoryURL = copy
        try patch.run()
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0)
        _ = try CommandRunner.run(["fix", "train.manifest"], directory: directory.path)
        #expect(try read(copy.appendingPathComponent("train.manifest")) == read(file))
        #expect(try read(file) == Self.mended + "{\"x\": 1}")
        let clean = try CommandRunner.run(["fix", "--diff", "train.manifest"], directory: directory.path)
        #expect(clean.status == 0 && clean.standardOutput.isEmpty)
        #expect(clean.standardError == "No fixes to apply.\n")
    }

    /// With the images, image_size is set from the image where the boxes fit it; elsewhere it is advice.
    @Test func imageSizesComeFromTheImagesWithUnsafeFixes() throws {
        let directory = try scratch()
        let images = directory.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        for name in ["fits.png", "too-small.png"] {
            try Data(TestImages.png(width: 320, height: 240)).write(to: images.appendingPathComponent(name))
        }
        func line(_ key: String, left: Int) -> String {
            #"{"source-ref":"s3://bucket/\#(key)","bb":{"image_size":[{"width":640,"height":480,"depth":3}],"#
                + #""annotations":[{"class_id":0,"top":10,"left":\#(left),"width":90,"height":90}]},"#
                + #""bb-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"dog"},"#
                + #""type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-05-01T08:00:00"}}"#
        }
        let file = directory.appendingPathComponent("boxes.manifest")
        try write(line("fits.png", left: 20) + "\n" + line("too-small.png", left: 400) + "\n", to: file)
        let mapping = "s3://bucket/=\(images.path)"
        let result = try CommandRunner.run(
            ["fix", "--unsafe-fixes", "--images", mapping, "boxes.manifest"], directory: directory.path)
        // The second box lies past the real image (CL609, an error that remains): exit 1.
        #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("[CL609]"))
        let fixed = try read(file).split(separator: "\n")
        #expect(fixed.count == 2)
        #expect(fixed[0].contains(#""image_size":[{"width":320,"height":240,"depth":3}]"#))
        #expect(
            fixed[1].contains(#""image_size":[{"width":640,"height":480,"depth":3}]"#), "a box past 320: advice only")
        let after = try CommandRunner.run(
            ["lint", "--images", mapping, "--format", "full", "boxes.manifest"], directory: directory.path)
        #expect(
            after.standardOutput.contains(
                "= fix (display-only): set image_size to the size the service reads (320 × 240) and scale the boxes to it"
            ))
        #expect(after.standardOutput.contains("boxes.manifest:2:"))
        #expect(!after.standardOutput.contains("boxes.manifest:1:"))
    }

    @Test func nothingIsWrittenWhenAFileCannotBeRead() throws {
        let directory = try scratch()
        let file = directory.appendingPathComponent("train.manifest")
        try write(Self.broken, to: file)
        let result = try CommandRunner.run(["fix", "train.manifest", "missing.manifest"], directory: directory.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("missing.manifest"))
        #expect(result.standardError.hasSuffix("Nothing was written.\n"))
        #expect(try read(file) == Self.broken)
    }

    @Test func selectionAndTheFixableListsChooseWhatIsFixed() throws {
        let directory = try scratch()
        let file = directory.appendingPathComponent("train.manifest")
        try write(Self.broken, to: file)
        _ = try CommandRunner.run(
            ["fix", "--ignore", "CL001", "--unfixable", "CL004", "train.manifest"], directory: directory.path)
        #expect(
            try read(file) == "\u{FEFF}" + Self.valid[0] + "\n" + Self.trailingComma + "\n"
                + Self.mended.split(separator: "\n")[2...].joined(separator: "\n") + "\n")
        try write(Self.broken, to: file)
        try write("fix:\n  fixable: [CL003]\n", to: directory.appendingPathComponent(".clmanifest.yml"))
        _ = try CommandRunner.run(["fix", "train.manifest"], directory: directory.path)
        #expect(try read(file) == Self.broken.replacingOccurrences(of: "\n\n", with: "\n"))
    }

    @Test func lintFixIsFix() throws {
        let directory = try scratch()
        try write(Self.broken, to: directory.appendingPathComponent("a.manifest"))
        try write(Self.broken, to: directory.appendingPathComponent("b.manifest"))
        let viaFix = try CommandRunner.run(["fix", "--format", "jsonl", "a.manifest"], directory: directory.path)
        let viaLint = try CommandRunner.run(
            ["lint", "--fix", "--format", "jsonl", "b.manifest"], directory: directory.path)
        #expect(viaFix.status == viaLint.status)
        #expect(
            try read(directory.appendingPathComponent("a.manifest"))
                == read(directory.appendingPathComponent("b.manifest")))
        #expect(viaLint.standardError == viaFix.standardError)
    }

    @Test func findingsSayWhetherTheyAreFixable() throws {
        let input = Array((Self.trailingComma + "\n" + Self.tinyBox + "\n").utf8)
        let text = try CommandRunner.run(["lint", "-"], input: input)
        #expect(text.standardOutput.contains("[CL001] [*] "))
        #expect(text.standardOutput.contains("[CL304] height"))
        #expect(text.standardError.contains("\n[*] 1 fixable with `clmanifest fix` (1 more with --unsafe-fixes).\n"))
        let unsafe = try CommandRunner.run(["lint", "--unsafe-fixes", "-"], input: input)
        #expect(unsafe.standardOutput.contains("[CL304] [*] height"))
        #expect(unsafe.standardError.contains("\n[*] 2 fixable with `clmanifest fix --unsafe-fixes`.\n"))
        let full = try CommandRunner.run(["lint", "--format", "full", "-"], input: input)
        #expect(full.standardOutput.contains("= fix (unsafe): remove the 1 box of 1 pixel or less"))
        let jsonl = try CommandRunner.run(["lint", "--format", "jsonl", "-"], input: input)
        let objects = try jsonl.standardOutput.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let syntax = try #require(objects.first { $0["code"] as? String == "CL001" })
        let fix = try #require(syntax["fix"] as? [String: Any])
        #expect(fix["applicability"] as? String == "safe")
        let edits = try #require(fix["edits"] as? [[String: Any]])
        #expect(edits.count == 1 && edits[0]["content"] as? String == "" && edits[0]["line"] as? Int == 1)
        #expect(edits[0]["endColumn"] as? Int == (edits[0]["column"] as? Int).map { $0 + 1 })
        let box = try #require(objects.first { $0["code"] as? String == "CL304" })
        #expect((box["fix"] as? [String: Any])?["applicability"] as? String == "unsafe")
        #expect(objects.contains { $0["fix"] is NSNull })
    }
}
