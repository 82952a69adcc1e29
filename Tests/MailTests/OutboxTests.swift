import Foundation
import Testing

@testable import Mail

/// A fresh directory under the system's temporary directory, removed by `body`'s caller.
func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("MailTests-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory)
}

func fileNames(in directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
}

@Suite("Outbox")
struct OutboxTests {
    @Test("Writes the rendered message, creating missing directories")
    func writesFile() throws {
        try withTemporaryDirectory { root in
            let directory = root.appendingPathComponent("relances/2026/novembre")
            let message = sampleMessage()
            let url = try Outbox.write(message, to: directory, stem: "relance-F-2026-014")
            #expect(url.lastPathComponent == "relance-F-2026-014.eml")
            #expect(url.deletingLastPathComponent().standardizedFileURL.path == directory.standardizedFileURL.path)
            #expect(try Data(contentsOf: url) == message.data)
            #expect(try fileNames(in: directory) == ["relance-F-2026-014.eml"])
        }
    }

    @Test("Existing files are never replaced: -2, -3… are added")
    func uniqueNames() throws {
        try withTemporaryDirectory { directory in
            let names = try (1...4).map { number in
                try Outbox.write(sampleMessage(subject: "n° \(number)"), to: directory, stem: "Relance Garage Moreau").lastPathComponent
            }
            #expect(
                names == [
                    "Relance-Garage-Moreau.eml", "Relance-Garage-Moreau-2.eml", "Relance-Garage-Moreau-3.eml",
                    "Relance-Garage-Moreau-4.eml",
                ])
            #expect(try fileNames(in: directory) == names.sorted())
            let first = try String(contentsOf: directory.appendingPathComponent(names[0]), encoding: .utf8)
            #expect(RFC2047.decode(ParsedMessage(first).value("Subject") ?? "") == "n° 1")
        }
    }

    @Test("Concurrent writes with the same stem all get their own file")
    func concurrentWrites() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("MailTests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let urls = try await withThrowingTaskGroup(of: URL.self) { group in
            for number in 1...24 {
                group.addTask { try Outbox.write(sampleMessage(subject: "n° \(number)"), to: directory, stem: "relance") }
            }
            return try await group.reduce(into: [URL]()) { $0.append($1) }
        }
        #expect(Set(urls.map(\.lastPathComponent)).count == 24)
        #expect(try fileNames(in: directory).count == 24)
        #expect(try fileNames(in: directory).allSatisfy { $0.hasSuffix(".eml") && !$0.hasPrefix(".") })
    }

    @Test(
        "Stems are reduced to [A-Za-z0-9._-]",
        arguments: [
            ("Relance Société Générale d’Équipement", "Relance-Societe-Generale-d-Equipement"),
            ("relance-F-2026-014", "relance-F-2026-014"),
            ("Cœur & Æther — ßeta", "Coeur-AEther-sseta"),
            ("../../etc/passwd", "etc-passwd"),
            ("  .hidden  ", "hidden"),
            ("facture F-2026-014.eml", "facture-F-2026-014"),
            ("Ｆｕｌｌ ｗｉｄｔｈ ﬁ", "Full-width-fi"),
            ("😀😀", "message"),
            ("", "message"),
            ("a_b.c-d", "a_b.c-d"),
            ("Ça   va\tbien\n", "Ca-va-bien"),
        ])
    func sanitisedStems(stem: String, expected: String) {
        #expect(Outbox.sanitisedStem(stem) == expected)
    }

    @Test("Long stems are cut to 100 characters")
    func longStem() {
        let stem = Outbox.sanitisedStem(String(repeating: "é", count: 300))
        #expect(stem == String(repeating: "e", count: 100))
    }

    @Test("An invalid message is refused before anything is written")
    func invalidMessage() throws {
        try withTemporaryDirectory { directory in
            #expect(throws: MailError.invalidAddress("pas une adresse")) {
                try Outbox.write(sampleMessage(to: [MailAddress(address: "pas une adresse")]), to: directory, stem: "x")
            }
            #expect(throws: MailError.noRecipient) { try Outbox.write(sampleMessage(to: []), to: directory, stem: "x") }
            #expect(!FileManager.default.fileExists(atPath: directory.path))
        }
    }

    @Test("A directory that cannot be created gives a French error")
    func unwritableDirectory() throws {
        try withTemporaryDirectory { root in
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let file = root.appendingPathComponent("a-file")
            try Data("x".utf8).write(to: file)
            do {
                _ = try Outbox.write(sampleMessage(), to: file.appendingPathComponent("sub"), stem: "x")
                Issue.record("expected an error")
            } catch let error as MailError {
                guard case .writeFailed = error else { Issue.record("unexpected \(error)"); return }
                #expect(error.message.hasPrefix("Impossible d’écrire le message dans « "))
            }
        }
    }
}
