// swift-tools-version: 6.0
import Foundation
import PackageDescription

// libFuzzer harnesses, one executable each, built by Fuzz/run.sh with -sanitize=fuzzer,address. They live
// in their own package so the main build and tests never need the fuzzer runtime. The main package is a
// path dependency whose identity is its folder's name (it differs between clones), so it is computed here.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let harnesses = ["json-lines", "schema", "configuration", "lint-line", "diff-canonical", "sigv4", "image-header", "fix"]

let package = Package(
    name: "clmanifest-fuzz",
    dependencies: [.package(path: root.path)],
    targets: harnesses.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: [.product(name: "_FuzzTargets", package: root.lastPathComponent.lowercased())]
        )
    },
    swiftLanguageModes: [.v6]
)
