// swift-tools-version:5.4
import PackageDescription

// libFuzzer targets over the main package (one folder up), built with
// -sanitize=fuzzer,address: see scripts/fuzz and docs/RELIABILITY.md.
// Tools version 5.4: from 5.5 on, SwiftPM links an executable with main
// renamed to <target>_main, which a target whose main is libFuzzer's lacks.
// Each target is a library entry point (LLVMFuzzerTestOneInput) and has no
// main of its own: libFuzzer's is linked in. -parse-as-library is set here,
// for these targets only: the main package's build tools have a main.swift.
let entryPointOnly: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "MinutesFuzz",
    dependencies: [
        .package(name: "minutes", path: ".."),
    ],
    targets: [
        // What every target checks on a document it ran: schema, spans, determinism.
        .target(
            name: "FuzzChecks",
            dependencies: [
                .product(name: "MinutesPipeline", package: "minutes"),
                .product(name: "OutputChecks", package: "minutes"),
            ]
        ),
        // Bytes as a minutes file (.txt or .html) through the whole pipeline.
        .executableTarget(name: "FuzzPipeline", dependencies: ["FuzzChecks"], swiftSettings: entryPointOnly),
        // Bytes as a rule file (--rules), then its rules over a fixed minutes text.
        .executableTarget(name: "FuzzRules", dependencies: ["FuzzChecks"], swiftSettings: entryPointOnly),
    ]
)
