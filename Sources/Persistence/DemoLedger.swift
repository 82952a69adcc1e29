import Foundation
import GRDB
import Receivables

/// Generates the demo ledger, deterministically from the day it is generated for: about
/// twenty-five French businesses and a few consumers over 18 months, with on-time payers,
/// chronic late payers, partial payments, a dispute, an overpayment, and two names that
/// collide on purpose ("Martin SARL" / "Martin & Fils"). Scaled up, the same generator makes
/// the large ledgers of the benchmarks.
public struct DemoLedger: Sendable {
    /// How a client pays, which drives its invoices' fate.
    enum Behaviour: CaseIterable {
        case punctual, slightlyLate, chronic, partial, disputed, overpaying
    }

    struct Profile {
        var name: String
        var code: String
        var behaviour: Behaviour
        var kind: ClientKind = .business
        var terms: PaymentTerms = .standard
        /// Invoice amounts, in euros.
        var amounts: ClosedRange<Int64> = 300...3_000
        /// Days between two invoices.
        var spacing: ClosedRange<Int> = 20...40
        var email: String? = nil
        var phone: String? = nil
    }

    public var today: Day
    /// Number of clients; `nil` for the built-in demo roster.
    public var clientCount: Int?
    /// Approximate number of invoices for a scaled ledger.
    public var invoiceCount: Int?
    /// How far back the invoices go.
    public var historyDays = 540

    public init(today: Day, clientCount: Int? = nil, invoiceCount: Int? = nil) {
        self.today = today
        self.clientCount = clientCount
        self.invoiceCount = invoiceCount
    }

    static let roster: [Profile] = [
        Profile(
            name: "Garage Moreau", code: "MOREAU", behaviour: .chronic, amounts: 1_500...6_000, email: "compta@garage-moreau.fr",
            phone: "0247201530"),
        Profile(name: "Martin SARL", code: "MARTIN-SARL", behaviour: .slightlyLate, email: "factures@martin-sarl.fr", phone: "0145678912"),
        Profile(
            name: "Martin & Fils", code: "MARTIN-FILS", behaviour: .chronic, amounts: 800...4_000, email: "contact@martinetfils.fr",
            phone: "0478123456"),
        Profile(
            name: "Boulangerie Dupont", code: "DUPONT", behaviour: .partial, amounts: 300...1_500, email: "dupont.boulangerie@orange.fr",
            phone: "0561234567"),
        Profile(name: "Café de l'Étoile", code: "ETOILE", behaviour: .slightlyLate, amounts: 200...1_200, email: "cafe.etoile@gmail.com"),
        Profile(
            name: "Durand SAS", code: "DURAND", behaviour: .punctual, terms: PaymentTerms(days: 45, endOfMonth: true),
            amounts: 2_000...12_000, email: "compta@durand-sas.fr", phone: "0388451200"),
        Profile(
            name: "Pharmacie du Marché", code: "PHARMA-MARCHE", behaviour: .punctual, amounts: 400...2_500,
            email: "pharmacie.marche@wanadoo.fr"),
        Profile(
            name: "Serrurerie Lemoine", code: "LEMOINE", behaviour: .disputed, amounts: 500...5_000,
            email: "g.lemoine@serrurerie-lemoine.fr", phone: "0298765432"),
        Profile(
            name: "Transports Girard", code: "GIRARD", behaviour: .chronic, amounts: 1_000...8_000, email: "gestion@transports-girard.fr"),
        Profile(name: "Menuiserie Petit", code: "PETIT", behaviour: .punctual, amounts: 600...4_000),
        Profile(name: "Imprimerie Roux", code: "ROUX", behaviour: .overpaying, amounts: 300...2_000, email: "roux.imprimerie@free.fr"),
        Profile(
            name: "Hôtel des Voyageurs", code: "VOYAGEURS", behaviour: .slightlyLate, terms: PaymentTerms(days: 45, endOfMonth: true),
            amounts: 800...5_000, email: "direction@hotel-voyageurs.fr"),
        Profile(
            name: "Restaurant La Table de Léa", code: "TABLE-LEA", behaviour: .partial, amounts: 300...2_000, email: "lea@latabledelea.fr"),
        Profile(
            name: "Cabinet Fournier", code: "FOURNIER", behaviour: .punctual, amounts: 1_000...6_000,
            email: "secretariat@cabinet-fournier.fr"),
        Profile(name: "Boucherie Lambert", code: "LAMBERT", behaviour: .slightlyLate, amounts: 200...1_500),
        Profile(name: "Fleurs Bonnet", code: "BONNET", behaviour: .punctual, amounts: 100...900),
        Profile(
            name: "Électricité Mercier", code: "MERCIER", behaviour: .chronic, amounts: 700...6_000, email: "mercier.elec@gmail.com",
            phone: "0612457890"),
        Profile(name: "Plomberie Faure", code: "FAURE", behaviour: .punctual, amounts: 400...3_000),
        Profile(name: "Librairie Rousseau", code: "ROUSSEAU", behaviour: .slightlyLate, amounts: 150...1_200),
        Profile(name: "Atelier Blanc", code: "BLANC", behaviour: .punctual, amounts: 500...2_500),
        Profile(
            name: "Bâtiment Garnier SA", code: "GARNIER", behaviour: .chronic, terms: PaymentTerms(days: 60), amounts: 5_000...25_000,
            spacing: 30...60, email: "comptabilite@garnier-batiment.fr", phone: "0556781234"),
        Profile(name: "Chevalier Conseil SAS", code: "CHEVALIER", behaviour: .punctual, amounts: 2_000...9_000, spacing: 25...45),
        Profile(name: "Optique François", code: "FRANCOIS", behaviour: .slightlyLate, amounts: 300...1_800),
        Profile(name: "Agence Dubois Immobilier", code: "DUBOIS", behaviour: .punctual, amounts: 800...3_500),
        Profile(name: "Clinique Vétérinaire Morel", code: "MOREL", behaviour: .slightlyLate, amounts: 500...3_000),
        Profile(
            name: "Julien Perrin", code: "PERRIN", behaviour: .chronic, kind: .consumer, amounts: 150...1_200, spacing: 60...120,
            email: "julien.perrin@laposte.net"),
        Profile(name: "Claire Lefèvre", code: "LEFEVRE", behaviour: .punctual, kind: .consumer, amounts: 100...800, spacing: 60...120),
        Profile(name: "Thomas Bertrand", code: "BERTRAND", behaviour: .partial, kind: .consumer, amounts: 200...1_500, spacing: 60...120),
        Profile(name: "Sophie Robin", code: "ROBIN", behaviour: .punctual, kind: .consumer, amounts: 80...600, spacing: 60...120),
    ]

    static let trades = [
        "Garage", "Boulangerie", "Pharmacie", "Menuiserie", "Imprimerie", "Plomberie", "Électricité", "Librairie",
        "Atelier", "Transports", "Cabinet", "Boucherie", "Fleurs", "Optique", "Agence", "Hôtel", "Restaurant", "Serrurerie",
        "Charpente", "Couverture", "Maçonnerie", "Peinture", "Carrosserie", "Traiteur", "Pressing", "Fromagerie",
    ]
    static let surnames = [
        "Bernard", "Thomas", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre",
        "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
        "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
        "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry",
        "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël",
        "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard",
        "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal",
        "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
    ]
    static let towns = [
        "Lyon", "Nantes", "Lille", "Rennes", "Tours", "Dijon", "Reims", "Brest", "Angers", "Nîmes", "Metz", "Caen", "Pau",
        "Annecy", "Amiens", "Limoges", "Poitiers", "Bayonne", "Valence", "Colmar", "Chartres", "Albi", "Vannes", "Arras",
    ]

    func profiles() -> [Profile] {
        guard let count = clientCount else { return Self.roster }
        var rng = SplitMix64(seed: 0xE11CA155E)
        let behaviours: [Behaviour] = [
            .punctual, .punctual, .punctual, .slightlyLate, .slightlyLate, .chronic, .partial, .punctual, .disputed, .overpaying,
        ]
        let invoicesPerClient = max(1, (invoiceCount ?? count * 20) / max(1, count))
        let meanSpacing = max(1, historyDays / invoicesPerClient)
        return (0..<count).map { index in
            let trade = Self.trades[index % Self.trades.count]
            let surname = Self.surnames[(index / Self.trades.count) % Self.surnames.count]
            let town = Self.towns[(index / (Self.trades.count * Self.surnames.count)) % Self.towns.count]
            let round = index / (Self.trades.count * Self.surnames.count * Self.towns.count)
            let name = "\(trade) \(surname) \(town)" + (round > 0 ? " \(round + 1)" : "")
            let low = Int64(rng.next(in: 1...20)) * 100
            return Profile(
                name: name, code: String(format: "C%06d", index + 1), behaviour: behaviours[rng.next(in: 0...(behaviours.count - 1))],
                kind: index % 23 == 22 ? .consumer : .business, amounts: low...(low * Int64(rng.next(in: 3...8))),
                spacing: max(1, meanSpacing - meanSpacing / 3)...(meanSpacing + meanSpacing / 3))
        }
    }

    /// One generated invoice and how (and whether) it was paid.
    struct Draft {
        var clientIndex: Int
        var issue: Day
        var due: Day
        var amountCents: Int64
        var disputed: Bool
        /// Payments: day and cents, in order.
        var payments: [(day: Day, cents: Int64, method: PaymentMethod)]
    }

    func drafts(for profiles: [Profile]) -> [Draft] {
        var drafts: [Draft] = []
        drafts.reserveCapacity(invoiceCount ?? profiles.count * 20)
        let start = today.adding(days: -historyDays)
        let lastIssue = today.adding(days: -3)
        for (clientIndex, profile) in profiles.enumerated() {
            var rng = SplitMix64(seed: UInt64(clientIndex) &* 0x9E37_79B9_7F4A_7C15 &+ 17)
            var issue = start.adding(days: rng.next(in: 0...profile.spacing.upperBound))
            var disputeDone = false
            var overpaymentDone = false
            while issue <= lastIssue {
                let due = profile.terms.dueDay(issuedOn: issue)
                let euros = Int64(rng.next(in: Int(profile.amounts.lowerBound)...Int(profile.amounts.upperBound)))
                let cents = euros * 100 + Int64(rng.next(in: 0...99))
                var draft = Draft(clientIndex: clientIndex, issue: issue, due: due, amountCents: cents, disputed: false, payments: [])
                let method: PaymentMethod =
                    profile.kind == .consumer
                    ? (rng.next(in: 0...1) == 0 ? .card : .cheque) : (rng.next(in: 0...4) == 0 ? .cheque : .transfer)
                let age = issue.days(until: today)
                switch profile.behaviour {
                case .punctual:
                    draft.payments = [(due.adding(days: rng.next(in: -10...2)), cents, method)]
                case .slightlyLate:
                    draft.payments = [(due.adding(days: rng.next(in: 0...22)), cents, method)]
                case .chronic:
                    draft.payments = [(due.adding(days: rng.next(in: 20...110)), cents, method)]
                case .partial:
                    if rng.next(in: 0...2) == 0 {
                        let first = cents * Int64(rng.next(in: 35...60)) / 100
                        draft.payments = [
                            (due.adding(days: rng.next(in: 0...15)), first, method),
                            (due.adding(days: rng.next(in: 45...150)), cents - first, method),
                        ]
                    } else {
                        draft.payments = [(due.adding(days: rng.next(in: 0...25)), cents, method)]
                    }
                case .disputed:
                    if !disputeDone && age >= 70 && age <= 110 {
                        draft.disputed = true
                        disputeDone = true
                    } else {
                        draft.payments = [(due.adding(days: rng.next(in: -5...15)), cents, method)]
                    }
                case .overpaying:
                    var paid = cents
                    if !overpaymentDone && age >= 120 && age <= 200 {
                        paid += Int64(rng.next(in: 50...200)) * 100
                        overpaymentDone = true
                    }
                    draft.payments = [(due.adding(days: rng.next(in: -3...10)), paid, method)]
                }
                // A payment is never before the invoice, and only what happened by today exists.
                draft.payments = draft.payments.map { (max($0.day, issue), $0.cents, $0.method) }.filter { $0.day <= today }
                drafts.append(draft)
                issue = issue.adding(days: rng.next(in: profile.spacing))
            }
        }
        drafts.sort { ($0.issue, $0.clientIndex) < ($1.issue, $1.clientIndex) }
        return drafts
    }
}
