import AssistantCore
import Foundation
import FrenchParsing
import Persistence
import Receivables
import Testing

// MARK: - Reading back an .eml file

/// An .eml file as written by the outbox: its raw text, unfolded headers and decoded body.
private struct WrittenEmail {
    var raw: String
    var headers: [(name: String, value: String)]
    var body: String

    init(_ raw: String) throws {
        self.raw = raw
        let parts = raw.components(separatedBy: "\r\n\r\n")
        try #require(parts.count >= 2, "no blank line between headers and body")
        let unfolded = parts[0].replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: "\t")
        headers = unfolded.components(separatedBy: "\r\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        body = Self.decodeQuotedPrintable(parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }

    /// RFC 2047: encoded words decoded, the blanks between two adjacent ones dropped.
    static func decodeHeader(_ value: String) -> String {
        var result = ""
        var previousEncoded = false
        for (index, token) in value.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if let decoded = decodeWord(String(token)) {
                if index > 0 && !previousEncoded { result += " " }
                result += decoded
                previousEncoded = true
            } else {
                if index > 0 { result += " " }
                result += token
                previousEncoded = false
            }
        }
        return result
    }

    private static func decodeWord(_ word: String) -> String? {
        guard word.hasPrefix("=?"), word.hasSuffix("?="), word.count > 4 else { return nil }
        let fields = word.dropFirst(2).dropLast(2).split(separator: "?", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].lowercased() == "utf-8" else { return nil }
        switch fields[1].uppercased() {
        case "B":
            guard let data = Data(base64Encoded: String(fields[2])) else { return nil }
            return String(data: data, encoding: .utf8)
        case "Q":
            return String(decoding: decodeQ(String(fields[2]).replacingOccurrences(of: "_", with: " ")), as: UTF8.self)
        default: return nil
        }
    }

    private static func decodeQ(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "="), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    /// Quoted-printable, soft line breaks removed, CRLF read as "\n".
    static func decodeQuotedPrintable(_ text: String) -> String {
        let joined = text.replacingOccurrences(of: "=\r\n", with: "")
        return String(decoding: decodeQ(joined), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }
}

/// A fresh, empty folder under the temporary directory.
private func temporaryOutbox() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-outbox-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func words(_ text: String) -> Set<String> {
    Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
}

extension Demo {
    func draft(_ build: (inout Entities) -> Void, session: String = "") throws -> DraftData {
        let reply = try assistant.perform(.reminderDraft, entities(build), session: session)
        #expect(reply.intent == .reminderDraft)
        return try #require(reply.data as? DraftData)
    }

    /// Late-payment interest of these invoices on the demo's day, as `LatePayment` computes it.
    func businessInterest(_ numbers: [String]) throws -> Money {
        let invoices = try numbers.map { try #require(try database.invoice(number: $0)) }
        let settlements = try database.settlements(invoiceIDs: invoices.compactMap(\.id))
        var interest = Money.zero
        for invoice in invoices {
            let computation = LatePayment.compute(
                amount: invoice.amount, dueDay: invoice.dueDay,
                settlements: (settlements[invoice.id!] ?? []).map { Settlement(day: $0.day, amount: $0.amount) }, asOf: Demo.today,
                basis: .business, rates: RateTable.shipped)
            interest = interest + computation.interest
        }
        return interest
    }
}

// MARK: - Tests

@Suite("Dunning operations: reminder.due, reminder.draft, reminder.sent, escalation.advise")
struct DunningOperationsTests {
    // MARK: reminder.due

    @Test("reminder.due on the demo: Garage Moreau for its broken promise, and the skipped clients with their reasons")
    func dueOnTheDemo() throws {
        let demo = try Demo()
        let data = try demo.reminderDue()
        #expect(data.asOf == Demo.today)
        #expect(data.count == data.actions.count)
        #expect(data.total == data.actions.map(\.amount).sum())
        #expect(Set(data.actions.map(\.client.name)).count == data.actions.count, "one row per client")
        // Garage Moreau: first reminder, because of the promise of the 15th not kept.
        let moreau = try #require(data.action(for: "Garage Moreau"))
        #expect(moreau.level == "reminder1")
        #expect(moreau.date == Demo.today)
        let promise = try #require(try demo.database.promises(clientID: try demo.id("Garage Moreau")).first)
        let brokenReason = moreau.reasons.first { $0.contains("promesse") }
        #expect(brokenReason?.contains(promise.amount.formatted) == true)
        #expect(brokenReason?.contains("non tenue") == true)
        #expect(moreau.invoices == (try demo.overdueInvoices("Garage Moreau")).map(\.number))
        #expect(moreau.amount == (try demo.position("Garage Moreau")).overdue)
        // Skipped: a pending promise, a pause, a dispute, a plan kept.
        let reasons = Dictionary(grouping: data.skipped, by: \.client.name).mapValues { $0.map(\.reason) }
        #expect(
            reasons == [
                "Martin & Fils": ["promise"], "Transports Girard": ["paused"], "Serrurerie Lemoine": ["dispute"],
                "Électricité Mercier": ["plan"],
            ])
        for name in ["Martin & Fils", "Transports Girard", "Serrurerie Lemoine"] {
            #expect(data.action(for: name) == nil, "\(name) is not dunned")
        }
        let martin = try #require(data.skips(for: "Martin & Fils").first)
        let martinPromise = try #require(try demo.database.promises(clientID: try demo.id("Martin & Fils")).first)
        #expect(martin.text.contains(martinPromise.dueDay.french))
        #expect(martin.text.contains(martinPromise.amount.formatted))
        let girard = try #require(data.skips(for: "Transports Girard").first)
        let pause = try #require(try demo.database.pauses(clientID: try demo.id("Transports Girard")).first)
        #expect(girard.text.contains(pause.until.french))
        let lemoine = try #require(data.skips(for: "Serrurerie Lemoine").first)
        let dispute = try #require(try demo.database.disputes(openOnly: true).first)
        #expect(lemoine.text.contains(dispute.openedDay.french))
        // Électricité Mercier is dunned only for what its plan does not cover.
        let plan = try #require(try demo.database.plans(clientID: try demo.id("Électricité Mercier")).first)
        if let mercier = data.action(for: "Électricité Mercier") {
            #expect(Set(mercier.invoices).isDisjoint(with: plan.invoices.map(\.number)))
        }
        // Every row: the amount is its invoices' outstanding; late rows list late, undisputed invoices.
        for row in data.actions {
            var sum = Money.zero
            for number in row.invoices {
                let invoice = try #require(try demo.database.invoice(number: number))
                #expect(invoice.clientID == row.client.id)
                #expect(!invoice.disputed)
                #expect(invoice.outstanding.isPositive)
                if row.level == "courtesy" {
                    #expect(!invoice.isOverdue(asOf: Demo.today), "\(number)")
                } else {
                    #expect(invoice.isOverdue(asOf: Demo.today), "\(number)")
                }
                sum = sum + invoice.outstanding
            }
            #expect(row.amount == sum, "\(row.client.name)")
            #expect(!row.channels.isEmpty || row.level == "escalation", "\(row.client.name)")
        }
        // Sorted: higher levels first, then larger amounts.
        let ranks = data.actions.map { DunningLevel(rawValue: $0.level)!.rank }
        #expect(ranks == ranks.sorted(by: >))
    }

    @Test("reminder.due filters: level, channel, days late")
    func dueFilters() throws {
        let demo = try Demo()
        let all = try demo.reminderDue()
        let first = try demo.reminderDue { $0.level = "reminder1" }
        #expect(!first.actions.isEmpty)
        #expect(first.actions.map(\.client.name) == all.actions.filter { $0.level == "reminder1" }.map(\.client.name))
        let phone = try demo.reminderDue { $0.channel = "phone" }
        #expect(phone.actions.map(\.client.name) == all.actions.filter { $0.channels.contains("phone") }.map(\.client.name))
        let late = try demo.reminderDue { $0.minDaysLate = 30 }
        #expect(late.actions.allSatisfy { $0.maxDaysLate >= 30 })
        #expect(late.actions.map(\.client.name) == all.actions.filter { $0.maxDaysLate >= 30 }.map(\.client.name))
        // The skipped clients are listed whatever the filter.
        #expect(late.skipped.map(\.client.name) == all.skipped.map(\.client.name))
    }

    @Test("reminder.due over a period: the steps falling due later in it, each on its day")
    func duePeriod() throws {
        let demo = try Demo()
        let today = try demo.reminderDue()
        let end = Demo.today.adding(days: 14)
        let week = try demo.reminderDue { $0.period = DayRange(from: Demo.today, to: end) }
        #expect(week.actions.allSatisfy { Demo.today <= $0.date && $0.date <= end })
        #expect(Set(week.actions.filter { $0.date == Demo.today }.map(\.client.name)) == Set(today.actions.map(\.client.name)))
        #expect(week.actions.count >= today.actions.count)
        #expect(week.actions.map(\.date) == week.actions.map(\.date).sorted())
    }

    // MARK: reminder.draft

    @Test("reminder.draft of Martin SARL, at its second reminder today: interest and 40 € per invoice, every invoice listed")
    func draftSecondReminder() throws {
        let demo = try Demo()
        let before = try demo.dunningHistory()
        let action = try #require(try demo.reminderDue().action(for: "Martin SARL"))
        #expect(action.level == "reminder2")
        let data = try demo.draft { $0.client = named("Martin SARL") }
        #expect(data.level == "reminder2")
        #expect(data.channel == "email")
        #expect(data.addressForm == "vous")
        #expect(data.invoices.map(\.number) == action.invoices)
        #expect(data.total == action.amount)
        #expect(data.total == data.invoices.map(\.outstanding).sum())
        #expect(data.interest.isPositive)
        #expect(data.interest == (try demo.businessInterest(action.invoices)))
        #expect(data.indemnity == Money(cents: 4_000 * Int64(data.invoices.count)))
        #expect(data.rate != nil)
        for invoice in data.invoices { #expect(data.text.contains(invoice.number)) }
        #expect(data.text.contains(data.total.formatted))
        #expect(data.text.contains(data.interest.formatted))
        #expect(data.text.contains(data.indemnity.formatted))
        #expect(data.text.contains((data.total + data.interest + data.indemnity).formatted))
        let subject = try #require(data.subject)
        #expect(subject.contains(data.total.formatted))
        // The demo's sender signs, with the IBAN.
        #expect(data.text.contains("Nadia Benali"))
        #expect(data.text.contains("FR76 3000 6000 0112 3456 7890 189"))
        #expect(data.warnings.isEmpty)
        // A draft writes nothing.
        expectSameHistory(try demo.dunningHistory(), before, withTrail: true)
    }

    @Test("reminder.draft at reminder2 over three invoices (Transports Girard): 120 € indemnity, each invoice in the text")
    func draftThreeInvoices() throws {
        let demo = try Demo()
        let overdue = try demo.overdueInvoices("Transports Girard")
        #expect(overdue.count == 3)
        let data = try demo.draft {
            $0.client = named("Girard")
            $0.level = "reminder2"
        }
        #expect(data.level == "reminder2")
        #expect(data.invoices.map(\.number) == overdue.map(\.number))
        #expect(data.total == overdue.map(\.outstanding).sum())
        #expect(data.indemnity == euros(120))
        #expect(data.interest == (try demo.businessInterest(overdue.map(\.number))))
        #expect(data.interest.isPositive)
        for invoice in overdue {
            #expect(data.text.contains(invoice.number))
            #expect(data.text.contains(invoice.outstanding.formatted))
        }
        // Drafted anyway, but the pause is said.
        #expect(data.warnings.contains { $0.contains("pause") })
    }

    @Test("reminder.draft exclude: the invoice leaves the letter, its total and its indemnity")
    func draftExclude() throws {
        let demo = try Demo()
        let full = try demo.draft {
            $0.client = named("Girard")
            $0.level = "reminder2"
        }
        let left = full.invoices[1]
        let data = try demo.draft {
            $0.client = named("Girard")
            $0.level = "reminder2"
            $0.exclude = [left.number.lowercased()]
        }
        #expect(data.invoices.map(\.number) == full.invoices.map(\.number).filter { $0 != left.number })
        #expect(!data.text.contains(left.number))
        #expect(data.total == full.total - left.outstanding)
        #expect(data.indemnity == euros(80))
        #expect(data.interest == (try demo.businessInterest(data.invoices.map(\.number))))
        #expect(data.interest < full.interest)
        // An exclusion that matches nothing has no effect, and says so.
        let unknown = try demo.draft {
            $0.client = named("Girard")
            $0.level = "reminder2"
            $0.exclude = ["F-1999-0001"]
        }
        #expect(unknown.invoices.map(\.number) == full.invoices.map(\.number))
        #expect(unknown.warnings.contains { $0.contains("F-1999-0001") })
        // Excluding everything leaves nothing to send.
        let error = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(
                .reminderDraft,
                entities {
                    $0.client = named("Girard")
                    $0.level = "reminder2"
                    $0.exclude = full.invoices.map(\.number)
                })
        }
        #expect(error?.invalidField == "invoice")
    }

    @Test("reminder.draft of a first reminder: no penalties yet; Garage Moreau's broken promise is recalled")
    func draftFirstReminder() throws {
        let demo = try Demo()
        let data = try demo.draft { $0.client = named("Moreau") }
        #expect(data.level == "reminder1")
        #expect(data.interest == .zero)
        #expect(data.indemnity == .zero)
        #expect(!data.text.contains("D441-5"))
        let promise = try #require(try demo.database.promises(clientID: try demo.id("Garage Moreau")).first)
        #expect(data.text.contains(promise.amount.formatted))
        #expect(data.text.contains(promise.dueDay.french))
    }

    @Test("reminder.draft of a consumer's formal notice (Julien Perrin): no indemnity, the legal interest rate")
    func draftConsumerFormalNotice() throws {
        let demo = try Demo()
        #expect(try demo.client("Julien Perrin").kind == .consumer)
        let data = try demo.draft {
            $0.client = named("Julien Perrin")
            $0.level = "formalNotice"
        }
        #expect(data.level == "formalNotice")
        #expect(data.channel == "registeredLetter")
        #expect(data.tone == "formel")
        #expect(data.indemnity == .zero)
        #expect(data.interest == .zero)
        #expect(data.text.contains("intérêt légal"))
        #expect(!data.text.contains("40 €"))
        #expect(!data.text.contains("L441-10"))
        #expect(data.invoices.map(\.number) == (try demo.overdueInvoices("Julien Perrin")).map(\.number))
        for invoice in data.invoices { #expect(data.text.contains(invoice.number)) }
        // A business's formal notice states the indemnity.
        let business = try demo.draft {
            $0.client = named("Martin SARL")
            $0.level = "formalNotice"
        }
        #expect(business.indemnity == Money(cents: 4_000 * Int64(business.invoices.count)))
        #expect(business.interest.isPositive)
        #expect(business.text.contains("D441-5"))
    }

    @Test("reminder.draft of a courtesy reminder: invoices not yet due, no penalties")
    func draftCourtesy() throws {
        let demo = try Demo()
        let action = try #require(try demo.reminderDue().actions.first { $0.level == "courtesy" })
        let data = try demo.draft { $0.client = ClientReference(id: action.client.id, name: "") }
        #expect(data.level == "courtesy")
        #expect(data.invoices.map(\.number) == action.invoices)
        #expect(data.invoices.allSatisfy { $0.daysLate == 0 && $0.dueDate >= Demo.today })
        #expect(data.interest == .zero)
        #expect(data.indemnity == .zero)
        #expect(data.tone == "cordial")
    }

    @Test("reminder.draft follows client.update tone: tu, then vous again after undo")
    func draftTone() throws {
        let demo = try Demo()
        let vous = try demo.draft { $0.client = named("Martin SARL") }
        #expect(vous.addressForm == "vous")
        #expect(words(vous.text).contains("vous"))
        _ = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Martin SARL")
                $0.tone = "tu"
            })
        let tu = try demo.draft { $0.client = named("Martin SARL") }
        #expect(tu.addressForm == "tu")
        #expect(!words(tu.text).contains("vous"))
        #expect(words(tu.text).contains("te"))
        // The letter too.
        let letter = try demo.draft {
            $0.client = named("Martin SARL")
            $0.channel = "letter"
        }
        #expect(!words(letter.text).contains("vous"))
        #expect(letter.text.contains("Bonjour"))
        try demo.undo(expecting: "client.update")
        let again = try demo.draft { $0.client = named("Martin SARL") }
        #expect(again.addressForm == "vous")
        #expect(again.text == vous.text)
    }

    @Test("reminder.draft format eml: a file in the outbox setting's folder, with the subject, CRLF lines, the letter as body")
    func draftEml() throws {
        let demo = try Demo()
        let outbox = try temporaryOutbox()
        defer { try? FileManager.default.removeItem(at: outbox) }
        _ = try demo.assistant.setSetting("outbox", to: outbox.path)
        let data = try demo.draft {
            $0.client = named("Martin SARL")
            $0.format = "eml"
        }
        let path = try #require(data.emlFile)
        #expect(URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path == outbox.standardizedFileURL.path)
        #expect(path.hasSuffix(".eml"))
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path)
        #expect(files == [URL(fileURLWithPath: path).lastPathComponent])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.allSatisfy { $0 < 0x80 }, "an .eml is 7-bit")
        let raw = String(decoding: bytes, as: UTF8.self)
        // Every line ends with CRLF; no bare LF or CR.
        #expect(raw.hasSuffix("\r\n"))
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let email = try WrittenEmail(raw)
        let subject = try #require(data.subject)
        #expect(WrittenEmail.decodeHeader(try #require(email.header("Subject"))) == subject)
        let client = try demo.client("Martin SARL")
        #expect(email.header("To")?.contains(try #require(client.email)) == true)
        #expect(email.header("From")?.contains("nadia.benali@atelier-benali.fr") == true)
        #expect(email.header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(
            email.body.trimmingCharacters(in: .whitespacesAndNewlines) == data.text.trimmingCharacters(in: .whitespacesAndNewlines))
        for invoice in data.invoices { #expect(email.body.contains(invoice.number)) }
        // A second draft does not overwrite the first.
        let second = try demo.draft {
            $0.client = named("Martin SARL")
            $0.format = "eml"
        }
        #expect(second.emlFile != data.emlFile)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).count == 2)
    }

    @Test("reminder.draft format eml without a sender address is refused and writes no file")
    func draftEmlWithoutSender() throws {
        let demo = try Demo()
        let outbox = try temporaryOutbox()
        defer { try? FileManager.default.removeItem(at: outbox) }
        _ = try demo.assistant.setSetting("outbox", to: outbox.path)
        _ = try demo.assistant.setSetting("sender.email", to: nil)
        let error = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(
                .reminderDraft,
                entities {
                    $0.client = named("Martin SARL")
                    $0.format = "eml"
                })
        }
        #expect(error?.invalidField == "format")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).isEmpty)
        // Without the format, the letter is drafted without any address of the sender…
        let data = try demo.draft { $0.client = named("Martin SARL") }
        #expect(data.emlFile == nil)
        #expect(!data.text.contains("nadia.benali@atelier-benali.fr"))
        #expect(!data.text.lowercased().contains("no-reply"))
        // … and with no way at all to answer, a warning.
        _ = try demo.assistant.setSetting("sender.phone", to: nil)
        let unreachable = try demo.draft { $0.client = named("Martin SARL") }
        #expect(unreachable.warnings.contains { $0.contains("sender.email") })
        #expect(!unreachable.text.contains("02 47 61 22 10"))
        #expect(!data.text.lowercased().contains("no-reply"))
        #expect(!data.text.lowercased().contains("noreply"))
    }

    @Test("reminder.draft format eml goes to $ENCAISSE_OUTBOX when no outbox is set")
    func draftEmlEnvironment() async {
        await #expect(processExitsWith: .success) {
            let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-env-outbox-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: outbox) }
            setenv("ENCAISSE_OUTBOX", outbox.path, 1)
            guard let demo = try? Demo(),
                let reply = try? demo.assistant.perform(
                    .reminderDraft,
                    entities {
                        $0.client = named("Martin SARL")
                        $0.format = "eml"
                    }),
                let data = reply.data as? DraftData, let path = data.emlFile
            else { exit(2) }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: outbox.path)) ?? []
            guard files == [URL(fileURLWithPath: path).lastPathComponent],
                URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path == outbox.standardizedFileURL.path
            else { exit(3) }
            exit(0)
        }
    }

    static let refusedDrafts: [RefusedRecord] = [
        RefusedRecord("a client who owes nothing", .reminderDraft, field: "client") { _ in
            entities { $0.client = named("Atelier Blanc") }
        },
        RefusedRecord("a sequence already exhausted", .reminderDraft, field: "level") { _ in
            entities { $0.client = named("Bâtiment Garnier SA") }
        },
        RefusedRecord("an unknown level", .reminderDraft, field: "level") { _ in
            entities {
                $0.client = named("Moreau")
                $0.level = "reminder9"
            }
        },
        RefusedRecord("an unknown channel", .reminderDraft, field: "channel") { _ in
            entities {
                $0.client = named("Moreau")
                $0.channel = "pigeon"
            }
        },
        RefusedRecord("a formal notice by SMS", .reminderDraft, field: "channel") { _ in
            entities {
                $0.client = named("Moreau")
                $0.level = "formalNotice"
                $0.channel = "sms"
            }
        },
        RefusedRecord("an unknown invoice", .reminderDraft, field: "invoice") { _ in
            entities {
                $0.client = named("Moreau")
                $0.invoice = "F-1999-0001"
            }
        },
        RefusedRecord("another client's invoice", .reminderDraft, field: "invoice") { demo in
            let number = try #require(try demo.overdueInvoices("Martin SARL").first).number
            return entities {
                $0.client = named("Moreau")
                $0.invoice = number
            }
        },
        RefusedRecord("a settled invoice", .reminderDraft, field: "invoice") { demo in
            let number = try demo.settledInvoice("Garage Moreau").number
            return entities { $0.invoice = number }
        },
        RefusedRecord("no client", .reminderDraft, field: nil) { _ in Entities() },
        // reminder.sent
        RefusedRecord("sent tomorrow", .reminderSent, field: "date") { _ in
            entities {
                $0.client = named("Moreau")
                $0.date = Demo.today.adding(days: 1)
            }
        },
        RefusedRecord("sent at an unknown level", .reminderSent, field: "level") { _ in
            entities {
                $0.client = named("Moreau")
                $0.level = "rappel"
            }
        },
        RefusedRecord("sent by an unknown channel", .reminderSent, field: "channel") { _ in
            entities {
                $0.client = named("Moreau")
                $0.channel = "pigeon"
            }
        },
        RefusedRecord("sent for an unknown invoice", .reminderSent, field: "invoice") { _ in
            entities {
                $0.client = named("Moreau")
                $0.invoice = "F-1999-0001"
            }
        },
        RefusedRecord("sent for another client's invoice", .reminderSent, field: "invoice") { demo in
            let number = try #require(try demo.overdueInvoices("Martin SARL").first).number
            return entities {
                $0.client = named("Moreau")
                $0.invoice = number
            }
        },
        RefusedRecord("sent to nobody", .reminderSent, field: nil) { _ in Entities() },
        RefusedRecord("sent to a client who owes nothing", .reminderSent, field: nil) { _ in
            entities { $0.client = named("Atelier Blanc") }
        },
    ]

    @Test("refused drafts and reminders sent: an AssistantError, nothing written", arguments: refusedDrafts)
    func refusedDraft(_ request: RefusedRecord) throws {
        try request.expectRefused()
    }

    // MARK: reminder.sent

    @Test("reminder.sent after a draft records the drafted level, invoices and amount (session memory)")
    func sentAfterDraft() throws {
        let demo = try Demo()
        let name = "Transports Girard"
        #expect(try demo.database.reminders(clientID: try demo.id(name)).isEmpty)
        let draft = try demo.draft(
            {
                $0.client = named("Girard")
                $0.level = "reminder2"
                $0.exclude = ["F-1999-0001"]
            }, session: "bureau")
        let reply = try demo.assistant.perform(.reminderSent, entities { $0.client = named("Girard") }, session: "bureau")
        let sent = try #require(reply.data as? ReminderSentData)
        #expect(sent.level == "reminder2")
        #expect(sent.channel == draft.channel)
        #expect(sent.invoices == draft.invoices.map(\.number))
        #expect(sent.amount == draft.total)
        #expect(sent.date == Demo.today)
        let stored = try #require(try demo.database.reminders(clientID: try demo.id(name)).last)
        #expect(stored.level == .reminder2)
        #expect(stored.channel == .email)
        #expect(stored.day == Demo.today)
        #expect(stored.invoices == draft.invoices.map(\.number))
        #expect(stored.amount == draft.total)
        // The memory is used once: the next "sent" follows the sequence.
        let next = try #require(
            try demo.assistant.perform(.reminderSent, entities { $0.client = named("Girard") }, session: "bureau").data
                as? ReminderSentData)
        #expect(next.level == "reminder3")
    }

    @Test("reminder.sent in another session does not use this session's draft")
    func sentOtherSession() throws {
        let demo = try Demo()
        _ = try demo.draft(
            {
                $0.client = named("Girard")
                $0.level = "reminder3"
            }, session: "a")
        let sent = try #require(
            try demo.assistant.perform(.reminderSent, entities { $0.client = named("Girard") }, session: "b").data as? ReminderSentData)
        // Nothing sent before: the sequence starts at the first reminder.
        #expect(sent.level == "reminder1")
        // The draft of another client is not used either.
        _ = try demo.draft({ $0.client = named("Martin SARL") }, session: "c")
        let other = try #require(
            try demo.assistant.perform(.reminderSent, entities { $0.client = named("Moreau") }, session: "c").data as? ReminderSentData)
        #expect(other.level == "reminder1")
        #expect(other.invoices == (try demo.overdueInvoices("Garage Moreau")).map(\.number))
    }

    @Test("reminder.sent: the client then waits for its next step, shown on its day; undo brings today's reminder back")
    func sentThenWaiting() throws {
        let demo = try Demo()
        let name = "Garage Moreau"
        let before = try demo.dunningHistory()
        let dueBefore = try demo.reminderDue()
        let action = try #require(dueBefore.action(for: name))
        let draft = try demo.draft { $0.client = named("Moreau") }
        #expect(draft.level == action.level)
        let sent = try #require(
            try demo.assistant.perform(.reminderSent, entities { $0.client = named("Moreau") }).data as? ReminderSentData)
        #expect(sent.level == action.level)
        let nextLevel = try #require(sent.nextLevel)
        let nextDate = try #require(sent.nextDate)
        #expect(nextLevel == "reminder2")
        #expect(nextDate > Demo.today)
        let settings = try demo.assistant.settings()
        #expect(Demo.today.days(until: nextDate) >= settings.minimumGap)
        // Today: not dunned again, and not listed as skipped either (it is up to date).
        let due = try demo.reminderDue()
        #expect(due.action(for: name) == nil)
        #expect(due.skips(for: name).isEmpty)
        #expect(due.count == dueBefore.count - 1)
        // Over the coming days: the next step, on its day.
        let ahead = try demo.reminderDue { $0.period = DayRange(from: Demo.today, to: nextDate) }
        let row = try #require(ahead.action(for: name))
        #expect(row.level == nextLevel)
        #expect(row.date == nextDate)
        #expect(row.previousLevel == action.level)
        #expect(row.previousDate == Demo.today)
        // The day before, still waiting.
        let dayBefore = try demo.reminderDue { $0.period = DayRange(from: Demo.today, to: nextDate.adding(days: -1)) }
        #expect(dayBefore.action(for: name) == nil)
        // On that day, due.
        demo.assistant.fixToday(nextDate)
        #expect(try demo.reminderDue().action(for: name)?.level == nextLevel)
        demo.assistant.fixToday(Demo.today)
        try demo.undo(expecting: "reminder.sent")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
        #expect(try demo.reminderDue().action(for: name)?.level == action.level)
    }

    @Test("« rédige une relance pour … » then « c’est envoyé »: recorded at the drafted level")
    func sentAsked() throws {
        let demo = try Demo()
        let draft = try demo.assistant.ask("rédige une relance pour Martin SARL", session: "s")
        #expect(draft.intent == .reminderDraft)
        let drafted = try #require(draft.data as? DraftData)
        let sent = try demo.assistant.ask("c’est envoyé", session: "s")
        #expect(sent.intent == .reminderSent)
        let data = try #require(sent.data as? ReminderSentData)
        #expect(data.client.name == "Martin SARL")
        #expect(data.level == drafted.level)
        #expect(data.invoices == drafted.invoices.map(\.number))
        #expect(try demo.database.reminders(clientID: try demo.id("Martin SARL")).last?.level.rawValue == drafted.level)
    }

    // MARK: escalation.advise

    struct AdviceCase: Sendable, CustomTestStringConvertible {
        var client: String
        var step: String
        var testDescription: String { "\(client) → \(step)" }
    }

    static let adviceCases: [AdviceCase] = [
        // Past the formal notice: by amount.
        AdviceCase(client: "Bâtiment Garnier SA", step: "injunction"),
        AdviceCase(client: "Restaurant La Table de Léa", step: "smallClaims"),
        // Only a disputed invoice is late.
        AdviceCase(client: "Serrurerie Lemoine", step: "mediation"),
        // A promise not yet due; a pause.
        AdviceCase(client: "Martin & Fils", step: "wait"),
        AdviceCase(client: "Transports Girard", step: "wait"),
        // Nothing late.
        AdviceCase(client: "Atelier Blanc", step: "none"),
    ]

    @Test("escalation.advise on the demo", arguments: adviceCases)
    func advice(_ expected: AdviceCase) throws {
        let demo = try Demo()
        let before = try demo.dunningHistory()
        let data = try demo.escalation(expected.client)
        #expect(data.client.name == expected.client)
        #expect(data.advice.step == expected.step)
        #expect(data.advice.recoveryPercent >= 0 && data.advice.recoveryPercent <= 100)
        #expect(data.advice.expectedRecovery <= max(data.overdue, data.disputed))
        let late = try demo.overdueInvoices(expected.client)
        #expect(data.overdue == late.map(\.outstanding).sum())
        switch expected.step {
        case "injunction", "smallClaims":
            #expect(data.lastReminder == "formalNotice")
            let lastDate = try #require(data.lastReminderDate)
            #expect(lastDate.adding(days: (try demo.assistant.settings()).formalNoticeDays) < Demo.today)
            // The procedure follows the amount: up to 5 000 € the simplified one, above it an injunction.
            #expect(expected.step == (data.overdue.cents <= 500_000 ? "smallClaims" : "injunction"))
            #expect(data.advice.cost.isPositive)
            #expect(!data.alternatives.isEmpty)
        case "mediation":
            #expect(data.overdue == .zero)
            #expect(data.disputed.isPositive)
        case "wait":
            #expect(data.advice.cost == .zero)
        case "none":
            #expect(data.overdue == .zero)
            #expect(data.advice.expectedRecovery == .zero)
        default: break
        }
        expectSameHistory(try demo.dunningHistory(), before, withTrail: true)
    }

    @Test("escalation.advise follows the history: a client never reminded is called first; a fresh formal notice is waited on")
    func adviceFollowsHistory() throws {
        let demo = try Demo()
        // Transports Girard, once its pause is over, was never reminded.
        _ = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Girard")
                $0.dunning = "resume"
            })
        #expect(try demo.escalation("Transports Girard").advice.step == "phoneCall")
        // After a second reminder: the formal notice.
        _ = try demo.assistant.perform(
            .reminderSent,
            entities {
                $0.client = named("Girard")
                $0.level = "reminder2"
                $0.date = Demo.today.adding(days: -20)
            })
        let notice = try demo.escalation("Transports Girard")
        #expect(notice.advice.step == "formalNotice")
        #expect(notice.lastReminder == "reminder2")
        // The formal notice sent today: wait for its deadline.
        _ = try demo.assistant.perform(
            .reminderSent,
            entities {
                $0.client = named("Girard")
                $0.level = "formalNotice"
            })
        let waiting = try demo.escalation("Transports Girard")
        #expect(waiting.advice.step == "wait")
        #expect(waiting.lastReminder == "formalNotice")
        // Once it has passed: a procedure by amount (over 5 000 €).
        demo.assistant.fixToday(Demo.today.adding(days: 15))
        #expect(try demo.escalation("Transports Girard").advice.step == "injunction")
    }

    @Test("escalation.advise for a client with a plan kept and an overdue invoice outside it: that invoice is followed up")
    func adviceBesidesPlan() throws {
        // Électricité Mercier keeps its plan, but F-2026-0249 (outside the plan) is late and
        // reminder.due asks for its first reminder; the advice must not be only "keep the plan".
        let demo = try Demo()
        let plan = try #require(try demo.database.plans(clientID: try demo.id("Électricité Mercier")).first)
        let outside = try demo.overdueInvoices("Électricité Mercier").filter { invoice in
            !plan.invoices.contains { $0.number == invoice.number }
        }
        #expect(!outside.isEmpty)
        let due = try #require(try demo.reminderDue().action(for: "Électricité Mercier"))
        #expect(due.invoices == outside.map(\.number))
        let advice = try demo.escalation("Électricité Mercier")
        #expect(advice.advice.step != "keepPlan", "\(advice.advice.reason)")
    }

    @Test("escalation.advise without a client asks which one")
    func adviceWithoutClient() throws {
        let demo = try Demo()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.perform(.escalationAdvise, Entities()) }
        #expect(error == .missingClient(.escalationAdvise))
    }
}
