import Foundation

/// The columns Encaisse reads, and the header spellings that name them: compared without
/// case, accents, punctuation, "de/du/la" and "N°", so that "N° facture", "numero_facture" and
/// "Numéro de facture" are one.
enum Column: String, CaseIterable {
    // clients
    case code, name, email, phone, termsDays, endOfMonth, kind
    // invoices and payments
    case number, client, issue, due, amount, outstanding, day, invoice, method, reference, status

    /// The French name shown in errors.
    var french: String {
        switch self {
        case .code: return "code"
        case .name: return "nom"
        case .email: return "email"
        case .phone: return "telephone"
        case .termsDays: return "delai_jours"
        case .endOfMonth: return "fin_de_mois"
        case .kind: return "type"
        case .number: return "numero"
        case .client: return "client"
        case .issue: return "date"
        case .due: return "echeance"
        case .amount: return "montant"
        case .outstanding: return "reste_du"
        case .day: return "date"
        case .invoice: return "facture"
        case .method: return "mode"
        case .reference: return "reference"
        case .status: return "statut"
        }
    }
}

enum HeaderMatching {
    static let stopwords: Set<String> = ["de", "du", "d", "la", "le", "l", "des", "en", "n", "no", "nº", "°", "a", "au", "the", "of"]

    /// "N° de facture" → "facture"; "Date d'échéance" → "date echeance"; "montant_ttc" → "montant ttc".
    static func normalize(_ header: String) -> String {
        let folded = FieldParsing.fold(header.replacingOccurrences(of: "°", with: " "))
        let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return words.filter { !stopwords.contains($0) }.joined(separator: " ")
    }

    /// Spellings per column and per kind (a "facture" is the number in a file of invoices, the
    /// invoice paid in a file of payments; "date" is the issue of an invoice, the day of a payment).
    static let synonyms: [ImportKind: [Column: [String]]] = [
        .clients: [
            .code: [
                "code", "code client", "ref client", "reference client", "identifiant", "id client", "compte", "numero client",
                "num client", "compte auxiliaire", "id",
            ],
            .name: ["nom", "raison sociale", "client", "societe", "denomination", "nom client", "entreprise", "nom societe", "libelle"],
            .email: ["email", "e mail", "mail", "courriel", "adresse email", "adresse mail", "adresse electronique", "mel"],
            .phone: ["telephone", "tel", "portable", "mobile", "telephone fixe", "numero telephone", "phone"],
            .termsDays: [
                "delai jours", "delai", "delai paiement", "conditions", "conditions paiement", "jours", "echeance jours", "terme",
                "delai reglement", "conditions reglement",
            ],
            .endOfMonth: ["fin mois", "fdm", "fin de mois"],
            .kind: ["type", "categorie", "type client", "categorie client", "nature"],
        ],
        .invoices: [
            .number: [
                "numero", "facture", "numero facture", "num facture", "ref facture", "reference facture", "reference", "ref", "piece",
                "numero piece", "num", "invoice", "no facture", "facture numero",
            ],
            .client: [
                "client", "nom client", "raison sociale", "code client", "tiers", "debiteur", "societe", "nom", "compte client",
                "client code",
            ],
            .issue: ["date", "date facture", "date emission", "emise le", "date piece", "date facturation", "emission", "date document"],
            .due: [
                "echeance", "date echeance", "echeance le", "date limite paiement", "date limite", "a payer le", "due date",
                "date reglement prevue", "date paiement prevue", "payable le",
            ],
            .amount: [
                "montant ttc", "total ttc", "montant", "ttc", "montant facture", "net payer", "total", "montant total", "montant ttc eur",
                "montant eur",
            ],
            .outstanding: ["reste du", "reste payer", "solde", "restant du", "montant du", "encours", "reste", "solde du"],
            .status: ["statut", "etat", "statut paiement", "etat paiement", "payee", "paye", "reglee", "soldee", "reglement"],
        ],
        .payments: [
            .client: [
                "client", "nom client", "raison sociale", "code client", "tiers", "payeur", "societe", "nom", "debiteur", "emetteur",
            ],
            .day: [
                "date", "date paiement", "date reglement", "date encaissement", "date operation", "date valeur", "recu le", "paye le",
                "date reception",
            ],
            .amount: [
                "montant", "montant paye", "montant regle", "montant recu", "somme", "credit", "encaissement", "montant encaisse",
                "montant reglement", "montant paiement",
            ],
            .invoice: [
                "facture", "numero facture", "num facture", "ref facture", "facture reglee", "piece", "reference facture", "factures",
            ],
            .method: [
                "mode", "mode paiement", "mode reglement", "moyen paiement", "type paiement", "reglement", "moyen", "type reglement",
            ],
            .reference: [
                "reference", "ref", "libelle", "commentaire", "note", "ref bancaire", "reference bancaire", "observation", "motif",
            ],
        ],
    ]

    /// The columns each kind cannot do without.
    static let required: [ImportKind: [Column]] = [
        .clients: [.name], .invoices: [.number, .client, .issue, .amount], .payments: [.client, .day, .amount],
    ]

    /// The column each header names under `kind` (a column is taken by its first header).
    static func map(_ headers: [String], kind: ImportKind) -> [Column: Int] {
        var result: [Column: Int] = [:]
        guard let table = synonyms[kind] else { return result }
        for (index, header) in headers.enumerated() {
            let normalized = normalize(header)
            guard !normalized.isEmpty else { continue }
            for (column, spellings) in table where result[column] == nil && spellings.contains(normalized) {
                result[column] = index
                break
            }
        }
        // "Nom" and "Code client" both there: the name is the name.
        return result
    }

    /// Whether the headers name every column `kind` requires.
    static func fits(_ headers: [String], kind: ImportKind) -> Bool {
        guard let required = required[kind] else { return false }
        let columns = map(headers, kind: kind)
        return required.allSatisfy { columns[$0] != nil }
    }

    /// The kind the headers describe, or `nil` when none fits.
    static func guessKind(_ headers: [String]) -> ImportKind? {
        let normalized = headers.map(normalize)
        let paymentWords = ["mode", "reglement", "paiement", "encaissement", "paye", "recu", "moyen"]
        let saysPayment = normalized.contains { header in paymentWords.contains { header.split(separator: " ").contains(Substring($0)) } }
        var best: (kind: ImportKind, score: Int)? = nil
        for kind in [ImportKind.invoices, .payments, .clients] {
            let columns = map(headers, kind: kind)
            guard required[kind]!.allSatisfy({ columns[$0] != nil }) else { continue }
            var score = columns.count * 2
            if kind == .clients && (columns.count < 2 || map(headers, kind: .invoices)[.amount] != nil) { continue }
            if kind == .payments && saysPayment { score += 3 }
            if kind == .invoices && (columns[.due] != nil || normalized.contains { $0.contains("ttc") }) { score += 3 }
            if best == nil || score > best!.score { best = (kind, score) }
        }
        return best?.kind
    }
}
