// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "minutes",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "minutes", targets: ["minutes"]),
        .executable(name: "extract", targets: ["extract"]),
        .library(name: "MinutesPipeline", targets: ["MinutesPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C shim over system ICU: the public header uses only stdint types.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // System PCRE2, 8-bit code units, with JIT.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // Value types of the output contract; no I/O, no patterns.
        .target(name: "MinutesCore"),
        // Decode, normalise (with offset map), segment, and the PCRE2 wrapper.
        .target(name: "MinutesText", dependencies: ["MinutesCore", "CICU", "CPCRE2"]),
        // Rule files: closed schema, loaded and compiled up front, examples.
        .target(
            name: "MinutesRules",
            dependencies: ["MinutesCore", "MinutesText", "Yams"],
            plugins: ["EmbedRules"]
        ),
        // The stages wired in order: extractors, resolve, emit, evaluate.
        .target(name: "MinutesPipeline", dependencies: ["MinutesCore", "MinutesText", "MinutesRules"]),
        // SQLite output of bulk runs, through GRDB.
        .target(
            name: "MinutesStore",
            dependencies: ["MinutesPipeline", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The subcommands, shared by the `minutes` and `extract` executables.
        .target(
            name: "MinutesCLI",
            dependencies: [
                "MinutesPipeline",
                "MinutesStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "minutes", dependencies: ["MinutesCLI"]),
        .executableTarget(name: "extract", dependencies: ["MinutesCLI"]),
        // Build tool: embeds Rules/**/*.yaml into the library so an installed binary carries them.
        .executableTarget(name: "rules-embedder"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["rules-embedder"]),

        .testTarget(name: "MinutesTextTests", dependencies: ["MinutesText"]),
        .testTarget(name: "MinutesRulesTests", dependencies: ["MinutesRules"]),
        .testTarget(name: "MinutesPipelineTests", dependencies: ["MinutesPipeline"]),
        .testTarget(name: "CorpusTests", dependencies: ["MinutesPipeline", "Yams"]),
        .testTarget(name: "MinutesCLITests", dependencies: ["MinutesCLI", "MinutesStore", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
