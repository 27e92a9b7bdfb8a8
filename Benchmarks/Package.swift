// swift-tools-version: 6.0
import PackageDescription

// Benchmarks live in their own package so the main build stays lean.
let package = Package(
    name: "clmanifest-benchmarks",
    targets: [
        .executableTarget(name: "generate-manifest")
    ],
    swiftLanguageModes: [.v6]
)
