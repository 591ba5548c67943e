// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "koshi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "koshi", targets: ["koshi"]),
        .library(name: "KoshiKit", targets: ["KoshiKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The few libedit calls koshi makes, opened with dlopen only for a chat at a terminal.
        // Building needs libedit's header (Debian's libedit-dev); running needs libedit only there.
        .target(
            name: "CEditLine",
            path: "Sources/CEditLine"
        ),
        // The engine: knowledge, understanding, dialogue, rendering. No terminal or file I/O.
        .target(
            name: "KoshiKit",
            path: "Sources/KoshiKit",
            exclude: ["Understanding/generate-compatibility-table.py", "Understanding/README.md"]
        ),
        // The shipped Knowledge/ folder, compiled into the binary so that koshi works from anywhere,
        // with the canonical concept list (Tests/Eval/concepts.tsv) that `koshi kb check` checks it against.
        .target(
            name: "KoshiKnowledge",
            dependencies: ["KoshiKit"],
            path: "Sources/KoshiKnowledge",
            plugins: ["EmbedKnowledge"]
        ),
        .executableTarget(
            name: "KnowledgeEmbedder",
            dependencies: ["KoshiKit"],
            path: "Sources/KnowledgeEmbedder"
        ),
        .plugin(
            name: "EmbedKnowledge",
            capability: .buildTool(),
            dependencies: ["KnowledgeEmbedder"],
            path: "Sources/EmbedKnowledge"
        ),
        // The command-line tool: argument parsing, the line editor and the drivers around KoshiKit.
        .executableTarget(
            name: "koshi",
            dependencies: [
                "KoshiKit",
                "KoshiKnowledge",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/koshi"
        ),
        // Seeded randomness and a monotonic clock, shared by the benchmark, the fuzzer and tests.
        .target(
            name: "KoshiTestSupport",
            path: "Sources/KoshiTestSupport"
        ),
        // Measures start-up, turn latency, matcher throughput, memory and transcript speed.
        .executableTarget(
            name: "koshi-bench",
            dependencies: ["KoshiKit", "KoshiKnowledge", "KoshiTestSupport"],
            path: "Sources/KoshiBench",
            exclude: ["pyahocorasick_compare.py"]
        ),
        // Feeds random and mutated input through normalizing, matching and the dialogue.
        .executableTarget(
            name: "koshi-fuzz",
            dependencies: ["KoshiKit", "KoshiKnowledge", "KoshiTestSupport"],
            path: "Sources/KoshiFuzz"
        ),
        // Scores the reading of single lines in-process, for the probe sets (a second, not minutes).
        .executableTarget(
            name: "koshi-eval",
            dependencies: ["KoshiKit", "KoshiKnowledge"],
            path: "Sources/KoshiEval"
        ),
        .testTarget(
            name: "KoshiKitTests",
            dependencies: ["KoshiKit", "KoshiKnowledge", "KoshiTestSupport"],
            path: "Tests/KoshiKitTests"
        ),
        // Runs the real koshi binary: exit statuses, the stream over pipes, exports, hostile input.
        .testTarget(
            name: "KoshiCLITests",
            dependencies: ["koshi"],
            path: "Tests/KoshiCLITests"
        ),
    ]
)
