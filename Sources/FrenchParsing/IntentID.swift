/// The stable ids of `intents.md`: what the parser recognises, the core runs, and the RPC
/// exposes as methods. Renaming one is a breaking change.
public enum IntentID: String, CaseIterable, Hashable, Sendable, Codable {
    case overdueList = "overdue.list"
    case clientBalance = "client.balance"
    case clientShow = "client.show"
    case clientList = "client.list"
    case invoiceList = "invoice.list"
    case agingReport = "aging.report"
    case kpiDSO = "kpi.dso"
    case forecastCash = "forecast.cash"
    case riskList = "risk.list"
    case riskScore = "risk.score"
    case riskConcentration = "risk.concentration"
    case penaltyCompute = "penalty.compute"
    case escalationAdvise = "escalation.advise"
    case clientAdd = "client.add"
    case clientUpdate = "client.update"
    case invoiceAdd = "invoice.add"
    case paymentRecord = "payment.record"
    case disputeOpen = "dispute.open"
    case disputeClose = "dispute.close"
    case promiseRecord = "promise.record"
    case interactionLog = "interaction.log"
    case reminderDue = "reminder.due"
    case reminderDraft = "reminder.draft"
    case reminderSent = "reminder.sent"
    case planPropose = "plan.propose"
    case planAccept = "plan.accept"
    case planShow = "plan.show"
    case dataImport = "data.import"
    case dataExport = "data.export"
    case help
    case undo
    case smalltalk
    case quit
    case unknown

    /// Intents that need a client to run.
    public var needsClient: Bool {
        switch self {
        case .clientBalance, .clientShow, .riskScore, .escalationAdvise, .clientUpdate, .invoiceAdd, .paymentRecord,
            .promiseRecord, .interactionLog, .reminderDraft, .reminderSent, .planPropose:
            return true
        default: return false
        }
    }

    /// The entity keys of `intents.md` each intent takes.
    public var entityKeys: Set<String> {
        switch self {
        case .overdueList: return ["minDaysLate", "minAmount", "limit"]
        case .clientBalance, .clientShow, .riskScore: return ["client"]
        case .clientList: return ["status", "kind", "limit"]
        case .invoiceList: return ["client", "status", "period", "limit", "minAmount", "minDaysLate"]
        case .agingReport: return ["date", "client", "minAmount"]
        case .kpiDSO, .forecastCash, .planShow: return ["client", "period"]
        case .riskList: return ["limit", "minAmount"]
        case .riskConcentration: return ["limit", "period", "client"]
        case .penaltyCompute: return ["client", "invoice", "date", "amount"]
        case .escalationAdvise: return ["client", "level"]
        case .clientAdd: return ["name", "email", "phone", "termsDays", "endOfMonth", "kind", "penaltyRate"]
        case .clientUpdate:
            return [
                "client", "email", "phone", "channel", "termsDays", "endOfMonth", "note", "tone", "dunning", "date", "sequence", "kind",
                "status", "penaltyRate",
            ]
        case .invoiceAdd: return ["client", "invoice", "amount", "date", "dueDate", "termsDays", "endOfMonth", "periodic"]
        case .paymentRecord: return ["client", "amount", "date", "invoice", "method"]
        case .disputeOpen, .disputeClose: return ["client", "invoice", "amount", "note", "date"]
        case .promiseRecord: return ["client", "amount", "date", "method", "note", "invoice"]
        case .interactionLog: return ["client", "date", "channel", "note"]
        case .reminderDue: return ["channel", "level", "minDaysLate", "period"]
        case .reminderDraft: return ["client", "channel", "level", "invoice", "date", "exclude", "format"]
        case .reminderSent: return ["client", "channel", "level", "invoice", "date", "note"]
        case .planPropose:
            return ["client", "amount", "installments", "frequency", "downPayment", "maxInstallment", "date", "invoice", "format"]
        case .planAccept: return ["client", "installments"]
        case .dataImport: return ["file", "format", "client", "skipErrors"]
        case .dataExport: return ["report", "file", "format", "client", "period", "minDaysLate", "minAmount", "status", "limit"]
        case .help, .undo, .smalltalk, .quit, .unknown: return []
        }
    }

    /// Intents that can be about one client (a name in the sentence is then theirs, an
    /// ambiguous one a question).
    public var takesClient: Bool {
        ![.clientList, .help, .smalltalk, .quit, .undo, .unknown, .clientAdd].contains(self)
    }

    /// Intents that list many things: a client is a filter, never implied by the context.
    public var isListing: Bool {
        [.overdueList, .clientList, .invoiceList, .riskList, .reminderDue, .agingReport, .planShow].contains(self)
    }

    /// Whether dates in the sentence are read backward (a payment received, an invoice issued).
    public var looksBack: Bool {
        switch self {
        case .paymentRecord, .interactionLog, .reminderSent, .invoiceAdd, .kpiDSO, .disputeOpen, .disputeClose: return true
        default: return false
        }
    }

    /// A French example of the intent, for help and "Vouliez-vous dire…" suggestions.
    public var example: String {
        switch self {
        case .overdueList: return "qui est en retard ?"
        case .clientBalance: return "combien me doit Dupont ?"
        case .clientShow: return "fiche Dupont"
        case .clientList: return "liste des clients"
        case .invoiceList: return "factures de Dupont"
        case .agingReport: return "balance âgée"
        case .kpiDSO: return "quel est mon DSO ?"
        case .forecastCash: return "combien vais-je encaisser ce mois-ci ?"
        case .riskList: return "quels clients sont à risque ?"
        case .riskScore: return "note de Dupont"
        case .riskConcentration: return "dépendance clients"
        case .penaltyCompute: return "pénalités de retard de Dupont"
        case .escalationAdvise: return "que faire pour Dupont ?"
        case .clientAdd: return "ajoute le client Durand SAS, email compta@durand.fr, paiement à 45 jours fin de mois"
        case .clientUpdate: return "l’email de Dupont est compta@dupont.fr"
        case .invoiceAdd: return "nouvelle facture F-2026-101 pour Dupont de 1 500 € à 30 jours"
        case .paymentRecord: return "Dupont a payé 500 € par virement"
        case .disputeOpen: return "la facture F-12 est contestée"
        case .disputeClose: return "litige réglé sur F-12"
        case .promiseRecord: return "Dupont promet de payer 800 € vendredi"
        case .interactionLog: return "j’ai appelé Dupont, répondeur"
        case .reminderDue: return "qui dois-je relancer ?"
        case .reminderDraft: return "rédige une relance pour Dupont"
        case .reminderSent: return "relance envoyée à Dupont"
        case .planPropose: return "propose un échéancier pour Dupont en 4 fois"
        case .planAccept: return "valide l’échéancier"
        case .planShow: return "échéanciers en cours"
        case .dataImport: return "importe factures.csv"
        case .dataExport: return "exporte la balance âgée en CSV"
        case .help: return "aide"
        case .undo: return "annule"
        case .smalltalk: return "bonjour"
        case .quit: return "au revoir"
        case .unknown: return ""
        }
    }
}
