// swift-tools-version: 6.0
import PackageDescription

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "clmanifest",
    products: [
        .library(name: "ManifestKit", targets: ["ManifestKit"]),
        // For the libFuzzer harnesses in Fuzz/ (a separate package); not an API.
        .library(name: "_FuzzTargets", targets: ["_FuzzTargets"]),
        .executable(name: "clmanifest", targets: ["clmanifest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "ManifestKit",
            dependencies: ["CManifestSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: upcomingFeatures
        ),
        // What Swift cannot say itself: a prefetch hint for the source-ref table, the SSE2 byte mask of the
        // parser's string scan, and the parser's fast path: its first stage (where a line's structure is, 64
        // bytes at a time with AVX2 when the processor has it; SSE2 or plain C otherwise) and its second (the
        // nodes, from that list, in a loop Swift kept fewer values of in registers). No library.
        .target(name: "CManifestSupport"),
        // libcurl for the HTTP client, opened with dlopen when the first request is sent (not linked), so the
        // binary needs no library but glibc's; see CurlTransport.swift.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "ManifestUpload",
            dependencies: [
                "CCurl",
                "ManifestKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: upcomingFeatures
        ),
        // The language server (`clmanifest server`): JSON-RPC on standard input and output, Foundation's JSON.
        .target(
            name: "ManifestServer",
            dependencies: ["ManifestKit"],
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "clmanifest",
            dependencies: [
                "ManifestKit",
                "ManifestServer",
                "ManifestUpload",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures,
            plugins: ["VersionStamp"]
        ),
        // Writes the commit the binary is built from, for `clmanifest --version`.
        .plugin(name: "VersionStamp", capability: .buildTool()),
        .target(
            name: "_FuzzTargets",
            dependencies: ["ManifestKit", "ManifestUpload"],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "_ManifestTestSupport",
            dependencies: ["ManifestKit"],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "_RekognitionTestServer",
            dependencies: ["ManifestKit", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "rekognition-local",
            dependencies: [
                "_RekognitionTestServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ManifestUploadTests",
            dependencies: ["ManifestUpload", "_ManifestTestSupport", "_RekognitionTestServer"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ManifestKitTests",
            dependencies: ["ManifestKit", "_ManifestTestSupport", "_FuzzTargets"],
            exclude: ["Schema/Fixtures", "Lint/Fixtures"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "FuzzRegressionTests",
            dependencies: ["_FuzzTargets", "_ManifestTestSupport"],
            exclude: ["Inputs"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "CLIManifestTests",
            dependencies: ["clmanifest", "ManifestServer", "_ManifestTestSupport", "_RekognitionTestServer"],
            exclude: ["Snapshots", "Shells", "Editors"],
            swiftSettings: upcomingFeatures
        ),
    ],
    swiftLanguageModes: [.v6]
)
