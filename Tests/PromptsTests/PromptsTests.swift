import Foundation
import Prompts
import Testing

// MARK: - Fixtures

/// A dunning level, as the code passes it: exactly one of the five keys is true.
enum Level: String, CaseIterable, Sendable {
    case courtesy, reminder1, reminder2, reminder3, formalNotice

    var label: String {
        switch self {
        case .courtesy: "rappel de courtoisie"
        case .reminder1: "première relance"
        case .reminder2: "deuxième relance"
        case .reminder3: "troisième relance"
        case .formalNotice: "mise en demeure"
        }
    }

    var previous: Level? {
        switch self {
        case .courtesy, .reminder1: nil
        case .reminder2: .reminder1
        case .reminder3: .reminder2
        case .formalNotice: .reminder3
        }
    }

    /// Firm levels: from the second reminder on.
    var isFirm: Bool { self == .reminder2 || self == .reminder3 || self == .formalNotice }
}

/// The client's history: a good payer's first slip, a chronic late payer, or neither.
enum Tone: String, CaseIterable, Sendable {
    case goodPayer, chronic, neutral
}

/// One combination of level, address form, kind of client, tone and number of invoices.
struct ReminderCase: Sendable, CustomTestStringConvertible {
    let level: Level
    let tu: Bool
    let business: Bool
    let tone: Tone
    let many: Bool

    var showPenalties: Bool { business && level.isFirm }

    var testDescription: String {
        "\(level.rawValue), \(tu ? "tu" : "vous"), \(business ? "entreprise" : "particulier"), \(tone.rawValue), "
            + (many ? "2 factures" : "1 facture")
    }

    static let all: [ReminderCase] = Level.allCases.flatMap { level in
        [true, false].flatMap { tu in
            [true, false].flatMap { business in
                Tone.allCases.flatMap { tone in
                    [true, false].map { many in
                        ReminderCase(level: level, tu: tu, business: business, tone: tone, many: many)
                    }
                }
            }
        }
    }
}

/// French money as the code formats it: narrow no-break space between thousands, no-break space before €.
func euros(_ cents: Int) -> String {
    let digits = String(cents / 100)
    var grouped = ""
    for (index, character) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { grouped += "\u{202F}" }
        grouped.append(character)
    }
    let rest = cents % 100
    return grouped + "," + (rest < 10 ? "0\(rest)" : "\(rest)") + "\u{00A0}€"
}

struct InvoiceFixture {
    let number: String
    let issueDate: String
    let dueDate: String
    let amount: Int
    let outstanding: Int
    let daysLate: Int

    var dictionary: [String: Any] {
        [
            "number": number, "issueDate": issueDate, "dueDate": dueDate,
            "amount": euros(amount), "outstanding": euros(outstanding),
            "daysLate": daysLate, "late": daysLate > 0, "partiallyPaid": outstanding < amount,
        ]
    }

    /// Interest at 12,15 % a year for the days late, in cents.
    var interest: Int { Int((Double(outstanding) * 0.1215 * Double(daysLate) / 365).rounded()) }
}

/// Overdue invoices on 22/11/2026, oldest first; the second one is partly paid.
let lateInvoices = [
    InvoiceFixture(
        number: "F-2026-031", issueDate: "15/08/2026", dueDate: "14/09/2026", amount: 240_000, outstanding: 240_000, daysLate: 69),
    InvoiceFixture(
        number: "F-2026-047", issueDate: "01/10/2026", dueDate: "31/10/2026", amount: 150_000, outstanding: 120_000, daysLate: 22),
]

/// Invoices not yet due on 22/11/2026 (courtesy reminder).
let upcomingInvoices = [
    InvoiceFixture(
        number: "F-2026-052", issueDate: "28/10/2026", dueDate: "27/11/2026", amount: 240_000, outstanding: 240_000, daysLate: 0),
    InvoiceFixture(
        number: "F-2026-055", issueDate: "31/10/2026", dueDate: "30/11/2026", amount: 150_000, outstanding: 120_000, daysLate: 0),
]

let senderName = "Claire Martin"
let company = "Atelier Martin Menuiserie"
let senderAddress = "12 rue des Tanneurs\n69003 Lyon"
let senderEmail = "claire.martin@atelier-martin.fr"
let senderPhone = "04 78 12 34 56"
let iban = "FR76 3000 4000 0312 3456 7890 143"
let businessClient = "Boulangerie Lefèvre SARL"
let consumerClient = "M. Paul Roche"
let clientAddress = "8 place du Marché\n69100 Villeurbanne"

/// The sender and client keys shared by every template; `minimal` drops every optional contact.
func partiesContext(tu: Bool, business: Bool, minimal: Bool = false) -> [String: Any] {
    [
        "senderName": senderName, "company": company,
        "senderAddress": minimal ? "" : senderAddress, "hasSenderAddress": !minimal,
        "senderEmail": minimal ? "" : senderEmail, "hasSenderEmail": !minimal,
        "senderPhone": minimal ? "" : senderPhone, "hasSenderPhone": !minimal,
        "senderCity": "Lyon",
        "iban": minimal ? "" : iban, "bic": minimal ? "" : "BNPAFRPPXXX", "hasIban": !minimal,
        "paymentMethods": "virement ou chèque",
        "clientName": business ? businessClient : consumerClient,
        "clientAddress": minimal ? "" : clientAddress, "hasClientAddress": !minimal,
        "tu": tu, "vous": !tu,
        "business": business, "consumer": !business,
        "todayLong": "22 novembre 2026", "today": "22/11/2026",
    ]
}

func invoices(for c: ReminderCase) -> [InvoiceFixture] {
    let all = c.level == .courtesy ? upcomingInvoices : lateInvoices
    return c.many ? all : [all[0]]
}

/// The context the code passes to the five reminder templates.
func reminderContext(_ c: ReminderCase, minimal: Bool = false) -> [String: Any] {
    let items = invoices(for: c)
    let total = items.reduce(0) { $0 + $1.outstanding }
    let interest = c.business ? items.reduce(0) { $0 + $1.interest } : 0
    let indemnity = c.business ? 4_000 * items.count : 0
    var context = partiesContext(tu: c.tu, business: c.business, minimal: minimal)
    for level in Level.allCases { context[level.rawValue] = level == c.level }
    let extra: [String: Any] = [
        "levelLabel": c.level.label,
        "goodPayer": c.tone == .goodPayer, "chronic": c.tone == .chronic,
        "invoices": items.map(\.dictionary), "invoiceCount": items.count, "manyInvoices": items.count > 1,
        "total": euros(total),
        "showPenalties": c.showPenalties,
        "rate": c.business ? "12,15\u{00A0}%" : "2,62\u{00A0}%",
        "interest": euros(interest), "indemnity": euros(indemnity), "indemnityCount": c.business ? items.count : 0,
        "penaltyTotal": euros(interest + indemnity), "totalWithPenalties": euros(total + interest + indemnity),
        "rateNote": "taux BCE de 2,15\u{00A0}% majoré de 10 points",
        "deadline": "30/11/2026", "deadlineDays": 8,
        "hasPrevious": c.level.previous != nil,
        "previousLevel": c.level.previous?.label ?? "", "previousDate": c.level.previous == nil ? "" : "07/11/2026",
        "promiseBroken": c.tone == .chronic && c.level != .courtesy,
        "promiseDate": "15/11/2026", "promiseAmount": euros(100_000),
    ]
    context.merge(extra) { $1 }
    return context
}

let reminderTemplates = ["reminder-email-subject", "reminder-email", "reminder-letter", "reminder-sms", "reminder-phone"]

// MARK: - Checks

/// Everything wrong with the French typography and the whitespace of a rendered text.
func typographyIssues(_ text: String) -> [String] {
    var issues: [String] = []
    if text.contains("{{") || text.contains("}}") { issues.append("balise Mustache restante") }
    for bad in ["  ", " €", " %", " \n", "\u{00A0}\n", "\u{202F}\n", "\n\n\n", "\t", "\r", " ,", " .", "'", "!"] where text.contains(bad) {
        issues.append("contient \(bad.debugDescription)")
    }
    if let first = text.first, first.isWhitespace { issues.append("commence par une espace") }
    if let last = text.last, last.isWhitespace { issues.append("finit par une espace ou un saut de ligne") }
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
        let before = index > 0 ? characters[index - 1] : "\n"
        let after = index + 1 < characters.count ? characters[index + 1] : "\n"
        switch character {
        case ";", "?":
            if before != "\u{202F}" { issues.append("« \(character) » sans espace fine insécable avant") }
        case ":":
            if before != "\u{00A0}" { issues.append("« : » sans espace insécable avant") }
        case "«":
            if after != "\u{202F}" { issues.append("« sans espace fine insécable après") }
        case "»":
            if before != "\u{202F}" { issues.append("» sans espace fine insécable avant") }
        default:
            break
        }
    }
    return issues
}

/// The words of the other address form found in a text (names and addresses left aside).
func wrongAddressForms(_ text: String, tu: Bool) -> [String] {
    var rest = text
    for name in [senderName, company, businessClient, consumerClient, senderAddress, clientAddress, senderEmail] {
        rest = rest.replacingOccurrences(of: name, with: " ")
    }
    // The euphonic "-t-" of "y a-t-il" is no pronoun.
    rest = rest.replacingOccurrences(of: "-t-", with: "-")
    let words = rest.lowercased().split { !$0.isLetter }.map(String.init)
    let forbidden: Set<String> =
        tu
        ? ["vous", "votre", "vos", "vôtre", "vôtres"]
        : ["tu", "te", "t", "toi", "ton", "ta", "tes", "tien", "tienne", "tiens"]
    return words.filter(forbidden.contains)
}

// MARK: - Reminders

@Suite("Relances")
struct ReminderTemplateTests {
    let prompts: PromptLibrary

    init() throws {
        prompts = try PromptLibrary()
    }

    func renderAll(_ c: ReminderCase, minimal: Bool = false) -> [String: String] {
        let context = reminderContext(c, minimal: minimal)
        return Dictionary(uniqueKeysWithValues: reminderTemplates.map { ($0, prompts.render($0, context)) })
    }

    @Test("Texte complet et typographie française", arguments: ReminderCase.all)
    func completeAndTypeset(_ c: ReminderCase) {
        let texts = renderAll(c)
        let total = euros(invoices(for: c).reduce(0) { $0 + $1.outstanding })
        for (name, text) in texts {
            #expect(typographyIssues(text) == [], "\(name)")
            #expect(!text.lowercased().contains("no-reply"), "\(name)")
            #expect(!text.lowercased().contains("noreply"), "\(name)")
            #expect(text.contains(total), "\(name) : total manquant")
            #expect(text.contains(company), "\(name) : entreprise manquante")
        }
        for name in ["reminder-email", "reminder-letter", "reminder-phone"] {
            let text = texts[name]!
            for invoice in invoices(for: c) {
                #expect(text.contains("n° \(invoice.number)"), "\(name) : facture \(invoice.number) manquante")
                #expect(text.contains(invoice.issueDate), "\(name) : date de \(invoice.number) manquante")
                #expect(text.contains(invoice.dueDate), "\(name) : échéance de \(invoice.number) manquante")
                #expect(text.contains(euros(invoice.outstanding)), "\(name) : reste dû de \(invoice.number) manquant")
            }
            #expect(text.contains("virement ou chèque"), "\(name)")
            #expect(text.contains(iban) && text.contains("BNPAFRPPXXX"), "\(name) : coordonnées bancaires")
        }
        for name in ["reminder-email", "reminder-letter", "reminder-sms"] {
            let text = texts[name]!
            #expect(text.contains(senderName), "\(name) : signature")
            #expect(text.contains(senderPhone), "\(name) : téléphone")
        }
        for name in ["reminder-email", "reminder-letter"] {
            #expect(texts[name]!.contains(senderEmail), "\(name) : courriel")
        }
        let subject = texts["reminder-email-subject"]!
        #expect(!subject.contains("\n"), "l’objet tient sur une ligne")
        if !c.many { #expect(subject.contains("n° \(lateInvoices[0].number)") || subject.contains("n° \(upcomingInvoices[0].number)")) }
        #expect(texts["reminder-email"]!.hasPrefix("Bonjour,\n"))
        let letter = texts["reminder-letter"]!
        #expect(letter.contains(c.tu ? "\nBonjour,\n" : "\nMadame, Monsieur,\n"))
        #expect(letter.contains("Villeurbanne") && letter.contains("Tanneurs"), "adresses du courrier")
        #expect(letter.contains("Lyon, le 22 novembre 2026"))
    }

    @Test("Tutoiement ou vouvoiement, jamais les deux", arguments: ReminderCase.all)
    func addressForm(_ c: ReminderCase) {
        for (name, text) in renderAll(c) {
            #expect(wrongAddressForms(text, tu: c.tu) == [], "\(name)")
        }
        if c.tu { #expect(!renderAll(c)["reminder-letter"]!.contains("Madame, Monsieur")) }
    }

    @Test("Pénalités : entreprise ou particulier", arguments: ReminderCase.all)
    func penalties(_ c: ReminderCase) {
        let texts = renderAll(c)
        for name in ["reminder-email", "reminder-letter", "reminder-phone"] {
            let text = texts[name]!
            if c.showPenalties {
                #expect(text.contains("40\u{00A0}€"), "\(name) : indemnité de 40 €")
                #expect(text.contains("12,15\u{00A0}%"), "\(name) : taux")
                #expect(text.contains(c.many ? "80,00\u{00A0}€" : "40,00\u{00A0}€"), "\(name) : montant de l’indemnité")
            } else {
                #expect(!text.contains("pénalités au taux"), "\(name)")
                #expect(!text.contains("12,15"), "\(name)")
            }
            if !c.business {
                #expect(!text.contains("40,00\u{00A0}€"), "\(name) : pas d’indemnité pour un particulier")
                #expect(!text.contains("40\u{00A0}€"), "\(name) : pas d’indemnité pour un particulier")
                #expect(!text.contains("indemnité forfaitaire"), "\(name)")
                #expect(!text.contains("L441"), "\(name)")
                if c.level == .formalNotice {
                    #expect(text.contains("intérêt légal"), "\(name) : intérêt légal")
                }
            }
            if c.business && c.level == .formalNotice {
                #expect(text.contains("L441-10"), "\(name)")
                #expect(!text.contains("1231-6"), "\(name)")
            }
            if !c.business && c.level == .formalNotice && name != "reminder-phone" {
                #expect(text.contains("1231-6"), "\(name)")
            }
        }
        if c.showPenalties && c.level == .formalNotice {
            #expect(texts["reminder-letter"]!.contains(c.many ? euros(374_391) : euros(249_512)), "total avec pénalités")
        }
    }

    @Test("Ce que chaque niveau doit dire", arguments: ReminderCase.all)
    func levels(_ c: ReminderCase) {
        let texts = renderAll(c)
        let email = texts["reminder-email"]!, letter = texts["reminder-letter"]!
        switch c.level {
        case .courtesy:
            for (name, text) in texts {
                #expect(!text.lowercased().contains("retard"), "\(name) : pas de retard avant l’échéance")
                #expect(!text.lowercased().contains("mise en demeure"), "\(name)")
            }
            #expect(email.contains("à échéance le"))
            #expect(letter.contains("à échéance le"))
        case .formalNotice:
            #expect(letter.contains("Mise en demeure"))
            #expect(letter.contains("Lettre recommandée avec accusé de réception"))
            #expect(letter.contains("1344 du Code civil"))
            #expect(texts["reminder-email-subject"]!.hasPrefix("Mise en demeure de payer"))
            for name in ["reminder-email", "reminder-letter"] {
                let text = texts[name]!
                #expect(text.contains("30/11/2026"), "\(name) : date limite")
                #expect(text.contains("recommandée"), "\(name)")
                #expect(
                    text.contains(
                        "À défaut de paiement dans un délai de 8 jours à compter de la réception de la présente, nous saisirons la juridiction compétente (injonction de payer) sans autre avis"
                    ),
                    "\(name) : conséquences")
            }
            for name in ["reminder-sms", "reminder-phone"] {
                let text = texts[name]!
                #expect(text.contains("mise en demeure"), "\(name)")
                #expect(text.contains("recommandée"), "\(name)")
                #expect(text.contains("30/11/2026"), "\(name)")
            }
        default:
            for name in ["reminder-email", "reminder-letter", "reminder-sms", "reminder-phone"] {
                #expect(texts[name]!.contains("30/11/2026"), "\(name) : date limite")
            }
        }
        // The payment may have crossed the message, except in a formal notice.
        #expect(email.contains("s’est croisé avec ce message") == (c.level != .formalNotice))
        #expect(letter.contains("s’est croisé avec ce courrier") == (c.level != .formalNotice))
        #expect(texts["reminder-sms"]!.contains("s’est croisé avec ce SMS") == (c.level != .formalNotice))
        if c.level.isFirm { #expect(!email.contains("Bien cordialement")) }
        if c.level == .reminder3 {
            #expect(email.contains("dernière relance amiable"))
            #expect(email.contains("intérêt légal") == !c.business)
        }
        if c.level.previous != nil {
            #expect(email.contains("07/11/2026"), "relance précédente")
        }
        if c.tone == .chronic && c.level != .courtesy {
            #expect(email.contains(euros(100_000)) && email.contains("15/11/2026"), "promesse non tenue")
        }
    }

    @Test("Le ton suit l’historique du client")
    func tone() {
        func email(_ level: Level, _ tone: Tone, tu: Bool = false) -> String {
            prompts.render("reminder-email", reminderContext(ReminderCase(level: level, tu: tu, business: true, tone: tone, many: true)))
        }
        #expect(email(.reminder1, .goodPayer).contains("sans doute d’un simple oubli"))
        #expect(email(.reminder1, .goodPayer, tu: true).contains("Tu règles d’habitude nos factures"))
        #expect(!email(.reminder1, .chronic).contains("oubli"))
        #expect(email(.reminder1, .chronic).contains("pas le premier retard"))
        #expect(email(.reminder2, .chronic).contains("une nouvelle fois"))
        #expect(email(.reminder3, .chronic).contains("ne nous permettent plus"))
        #expect(!email(.reminder3, .chronic).contains("échéancier"), "pas de délai offert à un retardataire chronique")
        #expect(email(.reminder3, .goodPayer).contains("nos bonnes relations"))
        #expect(email(.reminder1, .neutral).contains("Bien cordialement"))
        #expect(email(.reminder2, .neutral).contains("Nous vous demandons de régler"))
        #expect(email(.formalNotice, .neutral).contains("nous vous mettons en demeure"))
        let phone = prompts.render(
            "reminder-phone", reminderContext(ReminderCase(level: .reminder2, tu: false, business: true, tone: .chronic, many: true)))
        #expect(phone.contains("Retards répétés"))
    }

    @Test("SMS : 320 caractères au plus, nombre, total et plus ancienne échéance", arguments: ReminderCase.all)
    func sms(_ c: ReminderCase) {
        let text = prompts.render("reminder-sms", reminderContext(c))
        #expect(text.count <= 320, "\(text.count) caractères : \(text)")
        #expect(text.hasPrefix("Bonjour,\n"))
        #expect(text.contains(invoices(for: c)[0].dueDate), "plus ancienne échéance")
        if c.many { #expect(text.contains("2 factures")) }
        #expect(text.hasSuffix(senderPhone))
    }

    @Test("Sans adresse, téléphone, courriel ni IBAN", arguments: Level.allCases)
    func minimalSender(_ level: Level) {
        for tu in [true, false] {
            let c = ReminderCase(level: level, tu: tu, business: true, tone: .neutral, many: true)
            for (name, text) in renderAll(c, minimal: true) {
                #expect(typographyIssues(text) == [], "\(name)")
                #expect(!text.contains("IBAN"), "\(name)")
                #expect(!text.contains("Tél."), "\(name)")
                #expect(!text.contains("Courriel"), "\(name)")
                #expect(text.contains(company), "\(name)")
            }
            #expect(renderAll(c, minimal: true)["reminder-sms"]!.hasSuffix(company))
        }
    }

    @Test("Jours de retard au singulier et au pluriel")
    func daysLatePlural() {
        var context = reminderContext(ReminderCase(level: .reminder1, tu: false, business: true, tone: .neutral, many: false))
        var invoice = lateInvoices[0].dictionary
        invoice["daysLate"] = 1
        context["invoices"] = [invoice]
        #expect(prompts.render("reminder-email", context).contains("(1 jour de retard)"))
        invoice["daysLate"] = 2
        context["invoices"] = [invoice]
        #expect(prompts.render("reminder-email", context).contains("(2 jours de retard)"))
    }
}

// MARK: - Payment plan

/// How the debt is split: equal installments, a down payment first, or a remainder on the last one.
enum PlanShape: String, CaseIterable, Sendable {
    case equal, downPayment, remainder
}

struct PlanCase: Sendable, CustomTestStringConvertible {
    let shape: PlanShape
    let tu: Bool
    let business: Bool
    let incentive: Bool

    var testDescription: String {
        "\(shape.rawValue), \(tu ? "tu" : "vous"), \(business ? "entreprise" : "particulier")\(incentive ? ", remise" : "")"
    }

    static let all: [PlanCase] = PlanShape.allCases.flatMap { shape in
        [true, false].flatMap { tu in
            [true, false].flatMap { business in
                [true, false].map { PlanCase(shape: shape, tu: tu, business: business, incentive: $0) }
            }
        }
    }

    /// The debt in cents: the two overdue invoices, or 3 650,00 € to leave a remainder.
    var total: Int { shape == .remainder ? 365_000 : 360_000 }

    var invoices: [InvoiceFixture] {
        shape == .remainder
            ? [
                lateInvoices[0],
                InvoiceFixture(
                    number: "F-2026-047", issueDate: "01/10/2026", dueDate: "31/10/2026", amount: 150_000, outstanding: 125_000,
                    daysLate: 22),
            ]
            : lateInvoices
    }

    /// Every payment in date order: (date, cents, is down payment).
    var payments: [(date: String, cents: Int, downPayment: Bool)] {
        switch shape {
        case .equal:
            [("15/12/2026", 90_000, false), ("15/01/2027", 90_000, false), ("15/02/2027", 90_000, false), ("15/03/2027", 90_000, false)]
        case .downPayment:
            [("30/11/2026", 60_000, true), ("15/12/2026", 100_000, false), ("15/01/2027", 100_000, false), ("15/02/2027", 100_000, false)]
        case .remainder:
            [("15/12/2026", 121_666, false), ("15/01/2027", 121_666, false), ("15/02/2027", 121_668, false)]
        }
    }
}

func planContext(_ c: PlanCase) -> [String: Any] {
    var context = partiesContext(tu: c.tu, business: c.business)
    var number = 0
    let installments: [[String: Any]] = c.payments.map { payment in
        if !payment.downPayment { number += 1 }
        return [
            "number": payment.downPayment ? 0 : number, "date": payment.date, "amount": euros(payment.cents),
            "isDownPayment": payment.downPayment,
        ]
    }
    let regular = c.payments.filter { !$0.downPayment }
    let down = c.payments.first { $0.downPayment }
    let extra: [String: Any] = [
        "total": euros(c.total),
        "invoices": c.invoices.map(\.dictionary),
        "installments": installments,
        "count": regular.count, "frequencyPlural": "mensualités",
        "hasDownPayment": down != nil, "downPayment": down.map { euros($0.cents) } ?? "", "downPaymentDate": down?.date ?? "",
        "firstDate": regular.first!.date, "lastDate": regular.last!.date,
        "graceDays": 7,
        "rate": c.business ? "12,15\u{00A0}%" : "2,62\u{00A0}%",
        "hasIncentive": c.incentive,
        "incentive": c.incentive ? "remise de 2\u{00A0}% si le solde est réglé avant le 31/01/2027" : "",
    ]
    context.merge(extra) { $1 }
    return context
}

@Suite("Échéancier")
struct PlanDocumentTests {
    let prompts: PromptLibrary

    init() throws {
        prompts = try PromptLibrary()
    }

    @Test("Les données du test sont cohérentes", arguments: PlanCase.all)
    func fixtureSumsToTotal(_ c: PlanCase) {
        #expect(c.payments.reduce(0) { $0 + $1.cents } == c.total)
        #expect(c.invoices.reduce(0) { $0 + $1.outstanding } == c.total)
    }

    @Test("Tous les éléments de l’accord", arguments: PlanCase.all)
    func document(_ c: PlanCase) {
        let text = prompts.render("plan-document", planContext(c))
        #expect(typographyIssues(text) == [])
        #expect(wrongAddressForms(text, tu: c.tu) == [])
        #expect(!text.lowercased().contains("no-reply"))
        #expect(text.hasPrefix("ÉCHÉANCIER DE PAIEMENT\n"))
        #expect(text.contains("reconnaît devoir au créancier la somme de \(euros(c.total))"))
        #expect(text.contains("au titre des factures suivantes"))
        for invoice in c.invoices {
            #expect(text.contains("facture n° \(invoice.number) du \(invoice.issueDate)"))
            #expect(text.contains(euros(invoice.outstanding)))
        }
        for payment in c.payments {
            #expect(text.contains("- le \(payment.date)\u{00A0}: \(euros(payment.cents))"), "échéance du \(payment.date)")
        }
        #expect(text.contains("(échéance n° 1)"))
        #expect(text.contains("(acompte)") == (c.shape == .downPayment))
        #expect(text.contains("Total\u{00A0}: \(euros(c.total))"))
        #expect(text.contains("virement ou chèque") && text.contains(iban) && text.contains("BNPAFRPPXXX"))
        #expect(text.contains("dans les 7 jours"))
        #expect(text.contains("la totalité du solde restant dû devient immédiatement exigible"))
        #expect(text.contains("suspend toute relance"))
        #expect(text.contains("régler par avance"))
        #expect(text.contains("remise de 2\u{00A0}%") == c.incentive)
        #expect(text.contains(senderPhone) && text.contains(senderEmail))
        #expect(text.contains(c.tu ? "tu peux joindre" : "vous pouvez joindre"))
        #expect(text.contains("Fait à Lyon, le 22 novembre 2026, en deux exemplaires."))
        #expect(text.contains("\nPour le créancier\n"))
        #expect(text.contains("\nPour le débiteur, signature précédée de la mention «\u{202F}Bon pour accord\u{202F}»\n"))
        if c.business {
            #expect(text.contains("40\u{00A0}€ par facture"))
            #expect(text.contains("12,15\u{00A0}%"))
            #expect(text.contains("L441-10"))
            #expect(!text.contains("intérêt légal"))
        } else {
            #expect(!text.contains("40\u{00A0}€"))
            #expect(!text.contains("indemnité forfaitaire"))
            #expect(text.contains("intérêt légal"))
        }
    }

    @Test("Une seule facture, sans coordonnées facultatives")
    func singleInvoiceMinimal() {
        var context = planContext(PlanCase(shape: .equal, tu: false, business: true, incentive: false))
        context.merge(partiesContext(tu: false, business: true, minimal: true)) { $1 }
        context["invoices"] = [
            InvoiceFixture(
                number: "F-2026-031", issueDate: "15/08/2026", dueDate: "14/09/2026", amount: 360_000, outstanding: 360_000, daysLate: 69
            ).dictionary
        ]
        let text = prompts.render("plan-document", context)
        #expect(typographyIssues(text) == [])
        #expect(text.contains("au titre de la facture suivante"))
        #expect(!text.contains("IBAN"))
        #expect(text.contains("vous pouvez joindre Claire Martin."))
    }
}
