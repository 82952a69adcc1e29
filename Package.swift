// swift-tools-version: 6.1
import PackageDescription

// Dependencies point one way:
//   encaisse → Console, AssistantRPC → AssistantCore → FrenchParsing, Persistence, Prompts → Receivables
//   AssistantRPC → JSONRPC (protocol only, no app knowledge)
let package = Package(
    name: "Encaisse",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "encaisse", targets: ["encaisse"]),
        .executable(name: "encaisse-bench", targets: ["encaisse-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The only C door: libreadline behind one module map.
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"]), .brew(["readline"])]
        ),
        // Pure domain: money, days, invoices, allocation. Foundation only.
        .target(name: "Receivables"),
        // The ledger: one GRDB gateway, migrations, journal for undo, demo generator.
        .target(
            name: "Persistence",
            dependencies: [
                "Receivables", .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, for the few hot loops that read columns straight off a statement.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // French understanding: normaliser, lexicon, numbers, amounts, dates, intents, names.
        .target(name: "FrenchParsing", dependencies: ["Receivables"]),
        // Mustache templates for every French text the assistant writes.
        .target(
            name: "Prompts",
            dependencies: [.product(name: "Mustache", package: "swift-mustache")],
            path: "Prompts",
            exclude: ["README.md"],
            sources: ["PromptLibrary.swift"],
            resources: [.copy("templates")]
        ),
        // Reading imported files: CSV of clients, invoices, payments (encodings, separators,
        // French headers and values) and the FEC's receivable accounts.
        .target(name: "LedgerImport", dependencies: ["Receivables"]),
        // Internet messages (.eml): RFC 5322 headers, RFC 2047 encoded words, MIME text bodies.
        .target(name: "Mail"),
        // The assistant: utterance or operation → Reply (prose + data), conversation context.
        .target(
            name: "AssistantCore",
            dependencies: ["Receivables", "Persistence", "FrenchParsing", "Prompts", "Mail", "LedgerImport"]
        ),
        // JSON-RPC 2.0 message types and framing; knows nothing of Encaisse.
        .target(name: "JSONRPC"),
        // The one registry of RPC methods, mapping them onto the assistant.
        .target(name: "AssistantRPC", dependencies: ["JSONRPC", "AssistantCore"]),
        // REPL, pipe mode, rendering.
        .target(name: "Console", dependencies: ["AssistantCore", "CReadline"]),
        .executableTarget(
            name: "encaisse",
            dependencies: [
                "Console", "AssistantRPC", "AssistantCore", "Persistence", "JSONRPC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "encaisse-bench",
            dependencies: ["AssistantCore", "Persistence", "FrenchParsing", "Receivables"]
        ),
        // libFuzzer targets (`Scripts/fuzz.sh`); a normal build replays a corpus through them.
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
        .executableTarget(name: "fuzz-parser", dependencies: ["AssistantCore", "FuzzSupport"]),
        .executableTarget(name: "fuzz-rpc", dependencies: ["AssistantRPC", "FuzzSupport"]),
        .testTarget(
            name: "ReceivablesTests",
            dependencies: ["Receivables", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "MailTests", dependencies: ["Mail"]),
        .testTarget(name: "LedgerImportTests", dependencies: ["LedgerImport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PromptsTests", dependencies: ["Prompts"]),
        .testTarget(
            name: "PersistenceTests",
            dependencies: [
                "Persistence", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "FrenchParsingTests",
            dependencies: ["FrenchParsing"],
            resources: [.copy("Corpus")]
        ),
        .testTarget(
            name: "AssistantCoreTests",
            dependencies: ["AssistantCore", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(name: "AssistantRPCTests", dependencies: ["AssistantRPC"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console"]),
        // Drives the built `encaisse` binary through pipes.
        .testTarget(name: "EndToEndTests", dependencies: ["encaisse", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
