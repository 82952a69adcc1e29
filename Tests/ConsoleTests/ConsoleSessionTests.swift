import AssistantCore
import Console
import Foundation
import Persistence
import Receivables
import Testing

/// A `LineReader` that serves prepared lines and records what the session did with it.
final class FakeReader: LineReader {
    private var queue: [LineInput]
    private(set) var prompts: [String] = []
    private(set) var remembered: [String] = []
    private(set) var served = 0

    init(_ lines: [LineInput]) { queue = lines }
    convenience init(_ lines: [String]) { self.init(lines.map(LineInput.text)) }

    var unread: Int { queue.count }

    func nextLine(prompt: String) -> LineInput? {
        prompts.append(prompt)
        guard !queue.isEmpty else { return nil }
        served += 1
        return queue.removeFirst()
    }

    func remember(_ line: String) { remembered.append(line) }
}

/// Collects what the session writes.
final class Output {
    var text = ""
}

let demoToday = Day(year: 2026, month: 11, day: 22)!

func demoAssistant() throws -> Assistant {
    let database = try AppDatabase.inMemory()
    try database.loadDemo(DemoLedger(today: demoToday))
    return try Assistant(database: database, today: demoToday)
}

struct SessionRun {
    var status: Int32
    var output: String
    var reader: FakeReader
}

func runSession(_ reader: FakeReader, usesColor: Bool = false, interactive: Bool = false) throws -> SessionRun {
    let output = Output()
    let session = ConsoleSession(
        assistant: try demoAssistant(), reader: reader, renderer: ReplyRenderer(usesColor: usesColor), interactive: interactive,
        write: { output.text += $0 })
    let status = session.run()
    return SessionRun(status: status, output: output.text, reader: reader)
}

func runSession(_ lines: [String], usesColor: Bool = false) throws -> SessionRun {
    try runSession(FakeReader(lines), usesColor: usesColor)
}

/// What each line answers, asked of a fresh assistant in the same order: the replies, or the
/// error messages.
func answers(to lines: [String], usesColor: Bool = false) throws -> [String] {
    let assistant = try demoAssistant()
    let renderer = ReplyRenderer(usesColor: usesColor)
    var result: [String] = []
    for line in lines {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        do {
            let reply = try assistant.ask(trimmed)
            result.append(renderer.render(reply))
            if reply.endsSession { break }
        } catch {
            result.append(renderer.renderError(error.localizedDescription))
        }
    }
    return result
}

@Suite("ConsoleSession in pipe mode")
struct ConsoleSessionTests {
    @Test("comment and blank lines are skipped: no answer, no history")
    func commentsAndBlanks() throws {
        let lines = ["# Un commentaire", "", "   ", "\t", "bonjour", "#! exit 1", "   # indenté", "merci", ""]
        let run = try runSession(lines)
        let hello = try answers(to: ["bonjour"])[0]
        #expect(run.output == hello + "\n\n" + hello + "\n\n")
        #expect(run.reader.remembered == ["bonjour", "merci"])
        #expect(run.status == 0)
        #expect(run.reader.served == lines.count)
    }

    @Test("only comments and blank lines: no output at all")
    func onlyComments() throws {
        let run = try runSession(["# rien", "", "#"])
        #expect(run.output == "")
        #expect(run.status == 0)
        #expect(try runSession([]).output == "")
    }

    @Test("every answer, error or not, is followed by exactly one blank line, and no prompt is written")
    func blankLineAfterEachAnswer() throws {
        let lines = [
            "qui est en retard ?", "combien me doit Zorg ?", "combien me doit Martin ?", "le deuxième", "  combien me doit Dupont ?  ",
            "asdfgh qwerty", "fiche Moreau",
        ]
        let run = try runSession(lines)
        let expected = try answers(to: lines)
        #expect(expected.count == lines.count)
        #expect(run.output == expected.map { $0 + "\n\n" }.joined())
        #expect(run.output.hasSuffix("\n\n"))
        #expect(!run.output.contains("\n\n\n"))
        #expect(!run.output.contains(ConsoleSession.prompt))
        #expect(run.reader.prompts.allSatisfy { $0.isEmpty })
        // Key facts of a few answers.
        #expect(run.output.contains("Client « Zorg » introuvable."))
        #expect(run.output.contains("1. Martin & Fils\n2. Martin SARL"))
        #expect(run.output.contains("Martin SARL vous doit"))
        #expect(run.output.contains("Boulangerie Dupont vous doit"))
    }

    @Test(
        "exit status: 1 when a line failed, 0 otherwise; an ambiguity alone is not a failure",
        arguments: [
            ([], 0), (["combien me doit Dupont ?"], 0), (["bonjour", "aide", "qui est en retard ?"], 0),
            (["combien me doit Martin ?"], 0), (["combien me doit Martin ?", "le deuxième"], 0), (["et Martin ?"], 0),
            (["combien me doit Zorg ?"], 1), (["asdfgh qwerty"], 1), (["Dupont a payé -50 €"], 1), (["annule"], 1),
            (["Dupont a payé 100 € le 31 février"], 1), (["propose un échéancier pour Moreau en 4 fois"], 0),
            (["importe factures.csv"], 1),
            (["combien me doit Zorg ?", "combien me doit Dupont ?"], 1), (["combien me doit Martin ?", "le quatrième"], 1),
            (["Dupont a payé 100 €", "annule"], 0),
        ] as [([String], Int32)])
    func exitStatus(lines: [String], status: Int32) throws {
        let run = try runSession(lines)
        #expect(run.status == status)
        #expect(run.reader.unread == 0)
    }

    @Test("a line that could not be read is reported, fails the run, and the next line is answered")
    func invalidLine() throws {
        let reader = FakeReader([.invalid(reason: "la ligne n’est pas du texte UTF-8"), .text("bonjour")])
        let run = try runSession(reader)
        #expect(run.status == 1)
        #expect(run.output.hasPrefix("Ligne ignorée"))
        #expect(run.output.contains("la ligne n’est pas du texte UTF-8"))
        let hello = try answers(to: ["bonjour"])[0]
        #expect(run.output.hasSuffix("\n\n" + hello + "\n\n"))
        #expect(run.reader.remembered == ["bonjour"])
    }

    @Test("« au revoir » stops reading", arguments: ["au revoir", "quitter"])
    func quitStops(_ farewell: String) throws {
        let lines = ["bonjour", farewell, "qui est en retard ?", "Dupont a payé 100 €"]
        let run = try runSession(lines)
        #expect(run.reader.served == 2)
        #expect(run.reader.unread == 2)
        let expected = try answers(to: Array(lines.prefix(2)))
        #expect(run.output == expected.map { $0 + "\n\n" }.joined())
        #expect(!run.output.contains("clients sont en retard"))
        #expect(!run.output.contains("Paiement"))
        #expect(run.status == 0)
    }

    @Test("without colour no ESC byte is written, with colour tables and errors are decorated")
    func colours() throws {
        let lines = ["qui est en retard ?", "fiche Moreau", "combien me doit Zorg ?", "combien me doit Martin ?"]
        let plain = try runSession(lines, usesColor: false)
        #expect(!plain.output.utf8.contains(0x1B))
        #expect(plain.output == (try answers(to: lines)).map { $0 + "\n\n" }.joined())
        let coloured = try runSession(lines, usesColor: true)
        #expect(coloured.output.utf8.contains(0x1B))
        #expect(coloured.output.contains("\u{1B}[1m"))
        #expect(coloured.output.contains("\u{1B}[31m"))
        #expect(coloured.output.contains("\u{1B}[0m"))
        // Colour adds escapes and nothing else.
        let stripped = coloured.output.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == plain.output)
    }

    @Test("ReplyRenderer: plain rendering is the reply's text")
    func rendererPlain() throws {
        let assistant = try demoAssistant()
        for text in ["qui est en retard ?", "fiche Moreau", "combien me doit Dupont ?", "aide", "liste des clients"] {
            let reply = try assistant.ask(text)
            let plain = ReplyRenderer(usesColor: false).render(reply)
            #expect(plain == reply.text)
            #expect(!plain.utf8.contains(0x1B))
            let coloured = ReplyRenderer(usesColor: true).render(reply)
            let hasTable = reply.blocks.contains { if case .table = $0 { return true } else { return false } }
            #expect(coloured.utf8.contains(0x1B) == hasTable, "\(text)")
        }
        #expect(ReplyRenderer(usesColor: false).renderError("Erreur") == "Erreur")
        #expect(ReplyRenderer(usesColor: true).renderError("Erreur") == "\u{1B}[31mErreur\u{1B}[0m")
    }

    @Test("interactive mode: a banner, the prompt, no blank line after answers")
    func interactive() throws {
        let reader = FakeReader(["bonjour", "au revoir"])
        let run = try runSession(reader, interactive: true)
        #expect(run.reader.prompts == [ConsoleSession.prompt, ConsoleSession.prompt])
        #expect(run.output.hasPrefix("Encaisse"))
        #expect(run.output.contains(demoToday.frenchLong))
        let expected = try answers(to: ["bonjour", "au revoir"])
        #expect(run.output.hasSuffix(expected.map { $0 + "\n" }.joined()))
        #expect(!run.output.hasSuffix("\n\n"))
    }
}
