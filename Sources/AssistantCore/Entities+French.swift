import FrenchParsing
import Receivables

extension IntentID {
    /// What the intent does, in French, for replies that restate a request.
    var frenchLabel: String {
        switch self {
        case .overdueList: return "la liste des clients en retard"
        case .clientBalance: return "le solde d’un client"
        case .clientShow: return "la fiche d’un client"
        case .clientList: return "la liste des clients"
        case .invoiceList: return "la liste des factures"
        case .agingReport: return "la balance âgée"
        case .kpiDSO: return "le DSO et le délai moyen de paiement"
        case .forecastCash: return "la prévision d’encaissements"
        case .riskList: return "le classement des clients par risque"
        case .riskScore: return "la note de risque d’un client"
        case .riskConcentration: return "la dépendance aux plus gros clients"
        case .penaltyCompute: return "le calcul des pénalités de retard"
        case .escalationAdvise: return "un conseil sur la prochaine étape de recouvrement"
        case .clientAdd: return "la création d’un client"
        case .clientUpdate: return "la mise à jour d’un client"
        case .invoiceAdd: return "l’enregistrement d’une facture"
        case .paymentRecord: return "l’enregistrement d’un paiement"
        case .disputeOpen: return "l’ouverture d’un litige"
        case .disputeClose: return "la clôture d’un litige"
        case .promiseRecord: return "l’enregistrement d’une promesse de paiement"
        case .interactionLog: return "une note d’échange avec un client"
        case .reminderDue: return "les relances du jour"
        case .reminderDraft: return "la rédaction d’une relance"
        case .reminderSent: return "l’enregistrement d’une relance envoyée"
        case .planPropose: return "une proposition d’échéancier"
        case .planAccept: return "l’acceptation d’un échéancier"
        case .planShow: return "le suivi des échéanciers"
        case .dataImport: return "un import de données"
        case .dataExport: return "un export"
        case .help: return "l’aide"
        case .undo: return "l’annulation de la dernière modification"
        case .smalltalk: return "une formule de politesse"
        case .quit: return "la fin de la session"
        case .unknown: return "une demande non comprise"
        }
    }
}

extension Entities {
    /// The entities in French, as a person would restate them: "pour Garage Moreau, en 4 fois,
    /// par courrier recommandé".
    var frenchSummary: String {
        var parts: [String] = []
        if let client = client { parts.append("pour \(client.name)") }
        if let invoice = invoice { parts.append("facture \(invoice)") }
        if let amount = amount { parts.append("montant \(amount.formatted)") }
        if let installments = installments { parts.append("en \(installments) fois") }
        if let frequency = frequency {
            let labels = [
                "weekly": "chaque semaine", "biweekly": "toutes les deux semaines", "monthly": "chaque mois",
                "quarterly": "chaque trimestre",
            ]
            parts.append(labels[frequency] ?? frequency)
        }
        if let downPayment = downPayment { parts.append("acompte de \(downPayment.formatted)") }
        if let cap = maxInstallment { parts.append("au plus \(cap.formatted) par échéance") }
        if let date = date { parts.append("le \(date.french)") }
        if let dueDate = dueDate { parts.append("échéance le \(dueDate.french)") }
        if let period = period { parts.append("du \(period.from.french) au \(period.to.french)") }
        if let level = level {
            let labels = [
                "reminder1": "première relance", "reminder2": "relance ferme", "reminder3": "dernière relance",
                "formalNotice": "mise en demeure",
            ]
            parts.append(labels[level] ?? level)
        }
        if let channel = channel {
            let labels = [
                "email": "par courriel", "letter": "par courrier", "registeredLetter": "en recommandé", "phone": "par téléphone",
                "sms": "par SMS",
            ]
            parts.append(labels[channel] ?? channel)
        }
        if let days = minDaysLate { parts.append("au moins \(days) jours de retard") }
        if let amount = minAmount { parts.append("au moins \(amount.formatted)") }
        if let limit = limit { parts.append("les \(limit) premiers") }
        if let report = report, let intent = IntentID(rawValue: report) { parts.append(intent.frenchLabel) }
        if let file = file { parts.append("fichier \(file)") }
        if let format = format { parts.append("au format \(format.uppercased())") }
        if let note = note { parts.append("note « \(note) »") }
        return parts.joined(separator: ", ")
    }
}
