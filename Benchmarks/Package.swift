// swift-tools-version: 6.0
import Foundation
import PackageDescription

// Benchmarks live in their own package so the main build stays lean. The main package is a path
// dependency, whose identity is its folder's name (it differs between clones), so it is computed here.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "clmanifest-benchmarks",
    dependencies: [
        .package(path: root.path)
    ],
    targets: [
        .executableTarget(name: "generate-manifest"),
        .executableTarget(
            name: "lint-stages",
            dependencies: [.product(name: "ManifestKit", package: root.lastPathComponent.lowercased())]
        ),
    ],
    swiftLanguageModes: [.v6]
)
