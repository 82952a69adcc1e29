import FrenchParsing
import Persistence
import Receivables

/// `escalation.advise`.
public struct EscalationData: Encodable, Sendable {
    public struct Option: Encodable, Sendable {
        /// phoneCall, reminder, formalNotice, wait, mediation, smallClaims, injunction, collectionAgency, declareClaim, writeOff, keepPlan, none
        public var step: String
        public var title: String
        public var reason: String
        public var cost: Money
        public var costNote: String
        public var delay: String
        /// Expected share recovered, in percent (an estimate).
        public var recoveryPercent: Int
        public var expectedRecovery: Money
    }

    public var client: ClientReference
    public var overdue: Money
    public var disputed: Money
    public var maxDaysLate: Int
    public var lastReminder: String?
    public var lastReminderDate: Day?
    public var advice: Option
    public var alternatives: [Option]
    public var warnings: [String]
    public var limitationDate: Day?
}

extension Assistant {
    /// `escalation.advise`: the next recovery step for a client, with why, cost, delay and the
    /// expected recovery, weighed against the amount and what is known of the debtor; warns
    /// on limitation. The figures are orders of magnitude, said as such.
    func escalationAdvise(_ entities: Entities) throws -> Reply {
        let client = try requiredClient(entities, for: .escalationAdvise)
        let settings = try settings()
        let facts =
            try database.dunningFacts(clientID: client.id!, today: today, graceDays: settings.graceDays).first
            ?? DunningFacts(client: client, openInvoices: [])
        let overdueInvoices = facts.openInvoices.filter { $0.isOverdue(asOf: today) }
        let disputedInvoices = overdueInvoices.filter(\.disputed)
        // Invoices under a plan that is being kept are the plan's business, not the escalation's.
        let runningPlans = facts.plans.filter {
            if case .broken = $0.progress.status { return false }
            return $0.progress.status != .completed
        }
        let sheltered = Set(runningPlans.flatMap(\.invoiceIDs))
        let dunnable = overdueInvoices.filter { !$0.disputed && !sheltered.contains($0.id ?? -1) }
        let overdue = dunnable.reduce(Money.zero) { $0 + $1.outstanding }
        let disputed = disputedInvoices.reduce(Money.zero) { $0 + $1.outstanding }
        let maxDaysLate = dunnable.map { $0.daysLate(asOf: today) }.max() ?? 0
        let episodeStart = dunnable.map(\.dueDay).min()?.adding(days: -10) ?? today
        let episode = facts.reminders.filter { $0.day >= episodeStart && $0.level != .courtesy }
        let last = episode.max { ($0.level, $0.day) < ($1.level, $1.day) }
        let history = try payerHistory(client, facts: facts)
        let brokenPromises = facts.promises.filter { !$0.isKept && $0.dueDay < today }.count
        var warnings: [String] = []
        var confidence = 1.0
        if history.chronic { confidence *= 0.85 }
        if brokenPromises > 0 { confidence *= 0.85 }
        func option(
            _ step: String, _ title: String, _ reason: String, cost: Int64, _ costNote: String, _ delay: String, _ percent: Double,
            on amount: Money
        )
            -> EscalationData.Option
        {
            let share = max(0, min(100, Int((percent * confidence * 100).rounded())))
            let recovered = Money(cents: amount.cents * Int64(share) / 100)
            return .init(
                step: step, title: title, reason: reason, cost: Money(cents: cost * 100), costNote: costNote, delay: delay,
                recoveryPercent: share,
                expectedRecovery: recovered)
        }
        // Limitation.
        var limitation: Day? = nil
        if let oldest = dunnable.map(\.dueDay).min() {
            let day = LatePayment.limitationDay(dueDay: oldest, consumer: client.kind == .consumer)
            limitation = day
            if day < today {
                warnings.append(
                    "La facture la plus ancienne est prescrite depuis le \(day.french)\u{00A0}: une action en justice n’a plus de chance sur elle."
                )
            } else if today.days(until: day) <= 90 {
                warnings.append(
                    "Prescription le \(day.french) pour la facture la plus ancienne\u{00A0}: une mise en demeure ne l’interrompt pas — seule une action en justice ou une reconnaissance de dette écrite du client le fait."
                )
            }
        }
        let court = client.kind.isBusiness ? "tribunal de commerce" : "tribunal judiciaire"
        var advice: EscalationData.Option
        var alternatives: [EscalationData.Option] = []
        let lastText = last.map { "\($0.level.frenchLabel) le \($0.day.french)" }
        if let procedure = client.insolvency {
            advice = option(
                "declareClaim", "Déclarer la créance au mandataire judiciaire",
                "\(client.name) est en procédure collective (\(procedure))\u{202F}: les poursuites individuelles sont suspendues, seule la déclaration de créance préserve vos droits (dans les deux mois de la publication au BODACC).",
                cost: 0, "gratuit", "dans les 2 mois de la publication au BODACC", 0.15, on: overdue + disputed)
            warnings.append("Aucune démarche payante contre un débiteur en procédure collective\u{00A0}: elle serait perdue.")
        } else if overdue.isZero && disputed.isZero && runningPlans.isEmpty {
            advice = option("none", "Rien à recouvrer", "\(client.name) n’a aucune facture en retard.", cost: 0, "—", "—", 1, on: .zero)
        } else if overdue.isZero && runningPlans.isEmpty {
            advice =
                client.kind.isBusiness
                ? option(
                    "mediation", "Saisir le Médiateur des entreprises",
                    "Les seules factures en retard (\(disputed.formatted)) sont contestées\u{202F}: la médiation, gratuite et confidentielle, règle environ 70 à 75 % des différends entre entreprises.",
                    cost: 0, "gratuit", "quelques semaines (saisine en ligne)", 0.7, on: disputed)
                : option(
                    "mediation", "Proposer une médiation de la consommation ou un conciliateur de justice",
                    "Les seules factures en retard (\(disputed.formatted)) sont contestées\u{202F}: un tiers gratuit peut débloquer la situation.",
                    cost: 0, "gratuit", "quelques semaines", 0.6, on: disputed)
        } else if let promise = facts.promises.filter({ !$0.isKept && $0.dueDay >= today }).min(by: { $0.dueDay < $1.dueDay }) {
            advice = option(
                "wait", "Attendre l’échéance de sa promesse",
                "\(client.name) a promis de payer \(promise.amount.formatted) le \(promise.dueDay.french)\u{202F}: laissez-lui le temps de tenir parole\u{202F}; si rien n’arrive, la relance suivante partira dès le lendemain.",
                cost: 0, "gratuit", "jusqu’au \(promise.dueDay.french)", 0.6, on: min(promise.amount, overdue))
        } else if let pause = facts.pauses.first(where: { $0.from <= today && today <= $0.until }) {
            advice = option(
                "wait", "Attendre la fin de la pause",
                "Les relances de \(client.name) sont en pause jusqu’au \(pause.until.french) (\(pause.reason)).", cost: 0, "gratuit",
                "jusqu’au \(pause.until.french)", 0.6, on: overdue)
        } else if overdue.isZero, let plan = runningPlans.first {
            advice = option(
                "keepPlan", "Laisser courir l’échéancier",
                "Un échéancier est en cours (\(plan.progress.status.frenchLabel), \(plan.progress.remaining.formatted) restant)\u{202F}: le suivre et relancer chaque échéance manquée suffit.",
                cost: 0, "gratuit", "jusqu’au \(plan.progress.lines.last?.day.french ?? "terme")", 0.85, on: plan.progress.remaining)
        } else if last == nil || last!.level < .reminder2 {
            advice = option(
                "phoneCall", "Appeler \(client.name), puis relancer par écrit",
                (lastText.map { "Seule une \($0) a été faite" } ?? "Aucune relance n’a encore été faite")
                    + " pour \(overdue.formatted) en retard depuis \(maxDaysLate) jours\u{202F}: un appel obtient souvent une date de paiement, à confirmer par écrit.",
                cost: 0, "gratuit", "immédiat", 0.75, on: overdue)
            alternatives.append(
                option(
                    "reminder", "Envoyer la relance suivante", "Si l’appel n’aboutit pas.", cost: 0, "gratuit", "8 à 15 jours", 0.6,
                    on: overdue))
        } else if last!.level < .formalNotice {
            advice = option(
                "formalNotice", "Envoyer une mise en demeure en recommandé avec accusé de réception",
                "Les relances amiables (\(lastText!)) sont restées sans effet\u{202F}: la mise en demeure fixe un dernier délai de \(settings.formalNoticeDays) jours et ouvre la voie judiciaire"
                    + (client.kind == .consumer ? " (elle fait aussi courir l’intérêt légal)." : "."),
                cost: 8, "environ 8 € (recommandé AR)", "\(settings.formalNoticeDays) jours", 0.5, on: overdue)
            alternatives.append(
                option(
                    "phoneCall", "Un dernier appel avant la mise en demeure", "Pour obtenir un engagement daté.", cost: 0, "gratuit",
                    "immédiat", 0.4, on: overdue))
        } else if last!.level == .formalNotice && last!.day.adding(days: settings.formalNoticeDays) >= today {
            let deadline = last!.day.adding(days: settings.formalNoticeDays)
            advice = option(
                "wait", "Attendre la fin du délai de la mise en demeure",
                "La mise en demeure du \(last!.day.french) laisse jusqu’au \(deadline.french)\u{202F}: agir avant affaiblirait votre position.",
                cost: 0, "gratuit", "jusqu’au \(deadline.french)", 0.45, on: overdue)
        } else {
            // After the formal notice: weigh the procedures against the amount.
            let smallClaims = option(
                "smallClaims", "Procédure simplifiée de recouvrement des petites créances",
                "La créance (\(overdue.formatted)) ne dépasse pas 5 000 €\u{202F}: un commissaire de justice propose un accord au débiteur, qui a un mois pour l’accepter\u{202F}; l’accord vaut titre exécutoire sans juge.",
                cost: 150, "de l’ordre de 100 à 200 € de frais de commissaire de justice, à votre charge", "1 à 2 mois", 0.5, on: overdue)
            let injunction = option(
                "injunction", "Requête en injonction de payer au \(court)",
                "La créance est certaine et chiffrée, la mise en demeure\(last.map { " du \($0.day.french)" } ?? "") est restée sans effet\u{202F}: le juge statue sans audience\u{202F}; le débiteur a un mois après la signification pour s’opposer, sinon l’ordonnance vaut jugement.",
                cost: 150, "environ 35 € de greffe plus la signification par commissaire de justice (de l’ordre de 100 €)", "2 à 4 mois",
                0.6,
                on: overdue)
            let agency = option(
                "collectionAgency", "Confier le dossier à une société de recouvrement",
                "Elle relance et négocie à votre place\u{202F}; ses honoraires (5 à 30 % de ce qu’elle recouvre) ne peuvent pas être mis à la charge du débiteur.",
                cost: 0, "5 à 30 % des sommes recouvrées", "1 à 3 mois", 0.45 * 0.8, on: overdue)
            let writeOff = option(
                "writeOff", "Passer la créance en perte",
                "Le montant (\(overdue.formatted)) est trop faible pour qu’une procédure payante soit rentable\u{202F}; gardez une trace et récupérez la TVA sur créance irrécouvrable avec votre expert-comptable.",
                cost: 0, "gratuit", "immédiat", 0, on: overdue)
            if overdue.cents < 30_000 {
                advice = writeOff
                alternatives = [smallClaims]
            } else if overdue.cents <= 500_000 {
                advice = smallClaims
                alternatives = [injunction, agency]
            } else {
                advice = injunction
                alternatives = [agency]
                if client.kind.isBusiness && !history.chronic {
                    alternatives.insert(
                        option(
                            "mediation", "Saisir le Médiateur des entreprises",
                            "Pour préserver la relation commerciale\u{202F}: gratuit, confidentiel, environ 70 à 75 % d’accords.", cost: 0,
                            "gratuit",
                            "quelques semaines", 0.7 * 0.8, on: overdue), at: 0)
                }
            }
            if history.chronic || brokenPromises > 1 {
                warnings.append(
                    "\(client.name) paie en retard de façon répétée\(brokenPromises > 0 ? " et n’a pas tenu \(brokenPromises) promesse\(brokenPromises > 1 ? "s" : "")" : "")\u{202F}: vérifiez sa solvabilité (BODACC, Infogreffe) avant d’engager des frais — contre un débiteur insolvable, une démarche payante est perdue."
                )
            }
        }
        if !disputed.isZero && advice.step != "mediation" {
            warnings.append(
                "\(disputed.formatted) sont en litige\u{00A0}: à traiter à part (discussion, Médiateur des entreprises), pas par une procédure de recouvrement."
            )
        }
        let data = EscalationData(
            client: ClientReference(id: client.id, name: client.name), overdue: overdue, disputed: disputed, maxDaysLate: maxDaysLate,
            lastReminder: last?.level.rawValue, lastReminderDate: last?.day, advice: advice, alternatives: alternatives, warnings: warnings,
            limitationDate: limitation)
        var prose = "Pour \(client.name)"
        if overdue.isPositive {
            prose += " (\(overdue.formatted) en retard, \(maxDaysLate) jours\(lastText.map { ", dernière démarche\u{00A0}: \($0)" } ?? ""))"
        }
        prose += "\u{00A0}: \(advice.title.prefix(1).lowercased() + advice.title.dropFirst()).\nPourquoi\u{00A0}: \(advice.reason)"
        if advice.step != "none" {
            prose += "\nCoût\u{00A0}: \(advice.costNote). Délai\u{00A0}: \(advice.delay)."
            if advice.expectedRecovery.isPositive {
                prose +=
                    " Recouvrement attendu\u{00A0}: environ \(advice.expectedRecovery.formatted) (\(advice.recoveryPercent)\u{00A0}%, estimation)."
            }
        }
        var blocks: [ReplyBlock] = [.paragraph(prose)]
        if !alternatives.isEmpty {
            blocks.append(
                .paragraph(
                    "Autres pistes\u{00A0}:\n"
                        + alternatives.map {
                            "– \($0.title)\u{00A0}: \($0.costNote), \($0.delay)\($0.expectedRecovery.isPositive ? ", environ \($0.expectedRecovery.formatted) attendus" : "")."
                        }
                        .joined(separator: "\n")))
        }
        blocks += warnings.map { .paragraph("Attention\u{00A0}: \($0)") }
        if ["formalNotice", "smallClaims", "injunction", "declareClaim", "collectionAgency"].contains(advice.step) {
            blocks.append(
                .paragraph(
                    "Ceci n’est pas un conseil juridique\u{00A0}: pour une procédure, vérifiez avec un avocat ou un commissaire de justice."
                ))
        }
        return Reply(intent: .escalationAdvise, entities: entities, blocks: blocks, data: data)
    }
}
