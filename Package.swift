// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "minutes",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "minutes", targets: ["minutes"]),
        .executable(name: "extract", targets: ["extract"]),
        .library(name: "MinutesPipeline", targets: ["MinutesPipeline", "BundledRules"]),
        .library(name: "OutputChecks", targets: ["OutputChecks"]),
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
        .target(name: "MinutesRules", dependencies: ["MinutesCore", "MinutesText", "Yams"]),
        // The rules of Rules/, built into the library: read by the rule loader when
        // the package is built, so a run without --rules reads no YAML.
        .target(name: "BundledRules", dependencies: ["MinutesRules", "MinutesText"], plugins: ["EmbedRules"]),
        // The stages wired in order: extractors, resolve, emit, evaluate.
        .target(name: "MinutesPipeline", dependencies: ["MinutesCore", "MinutesText", "MinutesRules"]),
        // Checks of emitted documents (JSON Schema, spans, determinism), for the corpus tests and Fuzz/.
        .target(name: "OutputChecks", dependencies: ["MinutesText", "MinutesPipeline"]),
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
                "BundledRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "minutes", dependencies: ["MinutesCLI"]),
        .executableTarget(name: "extract", dependencies: ["MinutesCLI"]),
        // Build tool: reads Rules/**/*.yaml with the rule loader and writes the rules (and
        // the files' text) as Swift source, so an installed binary carries them;
        // a rule file the loader rejects fails the build.
        .executableTarget(name: "rules-embedder", dependencies: ["MinutesRules", "MinutesText"]),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["rules-embedder"]),

        .testTarget(name: "MinutesTextTests", dependencies: ["MinutesText"]),
        .testTarget(name: "MinutesRulesTests", dependencies: ["MinutesRules", "BundledRules"]),
        .testTarget(name: "MinutesPipelineTests", dependencies: ["MinutesPipeline", "BundledRules"]),
        .testTarget(name: "CorpusTests", dependencies: ["MinutesPipeline", "BundledRules", "OutputChecks", "Yams"]),
        .testTarget(name: "MinutesCLITests", dependencies: ["MinutesCLI", "MinutesStore", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
