/// The words that point to each intent, with their weight: the scorer's table.
///
/// A cue is a sequence of folded words that must appear in order, with at most two other
/// words between them ("combien … doit"). `whole` cues count only when they are the whole
/// sentence ("fin", "stop").
struct IntentCues {
    struct Cue {
        var words: [String]
        var weight: Double
        var whole = false
    }

    var intent: IntentID
    var cues: [Cue]

    init(_ intent: IntentID, _ cues: [(String, Double)], whole: [String] = []) {
        self.intent = intent
        self.cues =
            cues.map { Cue(words: $0.0.split(separator: " ").map(String.init), weight: $0.1) }
            + whole.map { Cue(words: $0.split(separator: " ").map(String.init), weight: 6, whole: true) }
    }

    static let all: [IntentCues] = [
        IntentCues(
            .overdueList,
            [
                ("en retard", 4), ("retard", 3), ("retards", 3), ("retard de paiement", 4), ("retards de paiement", 4),
                ("qui impaye", 3), ("depasse", 3), ("hors delai", 4), ("factures", -2), ("a temps", 1), ("retardataires", 4),
                ("retardataire", 4), ("impayes", 3),
                ("impaye", 3), ("impayees", 2), ("pas paye", 3), ("pas payes", 3), ("pas regle", 3), ("pas regles", 3),
                ("qui doit", 3), ("qui doivent", 3), ("me doivent", 3), ("doivent", 2), ("debiteurs", 3), ("debiteur", 2),
                ("defaut paiement", 3), ("depasse echeance", 3), ("depasse date", 2), ("souffrance", 3), ("doit sous", 3),
                ("doit fric", 3), ("doit thune", 3), ("pas encore paye", 3), ("toujours pas", 2), ("echues", 1),
                ("creances echues", 3), ("en attente paiement", 2), ("traine", 2), ("trainent", 2),
            ]),
        IntentCues(
            .clientBalance,
            [
                ("combien doit", 4), ("combien devons", 1), ("encours", 3), ("solde", 3), ("doit encore", 2), ("reste a payer", 2),
                ("reste du", 3), ("restant du", 3), ("montant du", 3), ("dette", 3), ("doit", 1.5), ("combien", 1),
                ("du par", 2), ("ardoise", 3), ("position", 2), ("combien nous doit", 4), ("sa dette", 3), ("en compte", 1),
                ("doit combien", 4), ("combien il doit", 4), ("combien elle doit", 4), ("doit t il", 2),
            ]),
        IntentCues(
            .clientShow,
            [
                ("fiche", 4), ("ou en est", 4), ("ou en sommes nous", 3), ("historique", 3), ("infos", 3), ("info", 3),
                ("informations", 3), ("dossier", 3), ("coordonnees", 4), ("contact", 3), ("details", 2), ("detail", 2),
                ("conditions paiement", 3), ("conditions de paiement", 3), ("delai paiement", 2), ("telephone", 2), ("mail", 1),
                ("email", 1), ("montre", 1), ("affiche", 1), ("voir", 1), ("qui est", 1), ("profil", 3), ("resume", 2),
                ("situation", 2), ("point sur", 3), ("tout sur", 3), ("numero", 1), ("adresse", 2), ("joindre", 2),
                ("sait sur", 2), ("parle moi", 2), ("interactions", 3), ("vue d'ensemble", 4), ("synthese", 3), ("relances", 1),
            ]),
        IntentCues(
            .clientList,
            [
                ("liste clients", 4), ("liste des clients", 4), ("mes clients", 3), ("tous clients", 3), ("clients", 1.5),
                ("repertoire", 3), ("annuaire", 3), ("combien clients", 3), ("combien de clients", 3), ("portefeuille", 3),
                ("fichier clients", 3), ("base clients", 3), ("lister clients", 4), ("particuliers", 1), ("clientele", 3),
                ("clients factures", 3), ("clients litige", 3), ("clients qui", 1), ("clients pros", 3), ("clients ayant", 2),
                ("retard", -3), ("impaye", -3), ("impayes", -3), ("contestent", 2),
            ]),
        IntentCues(
            .invoiceList,
            [
                ("factures", 3), ("facture", 1), ("echeance", 2), ("echeances", 3), ("arrive echeance", 3),
                ("arrivent echeance", 3), ("tombe echeance", 3), ("tombent echeance", 3), ("echoir", 3), ("a payer", 1),
                ("emises", 2), ("facturees", 2), ("liste factures", 4), ("pieces", 1), ("tombe", 1), ("tombent", 1),
                ("a encaisser", 1), ("factures retard", 1), ("factures impayees", 1), ("plus grosses factures", 2),
            ]),
        IntentCues(
            .clientAdd,
            [
                ("nouveau client", 5), ("nouvelle cliente", 5), ("ajoute client", 5), ("ajouter client", 5), ("ajoutez client", 5),
                ("cree client", 5), ("creer client", 5), ("creez client", 5), ("enregistre client", 4), ("enregistrer client", 4),
                ("ajoute", 1), ("cree", 1), ("creation client", 5), ("ajout client", 5), ("nouveau compte client", 5),
                ("ouvre compte", 4), ("ouvrir compte", 4), ("nouveau", 1), ("new client", 5), ("nouveau particulier", 5),
                ("nouvelle entreprise", 5), ("cree fiche", 4), ("creer fiche", 4), ("creation fiche", 4), ("a mes clients", 3),
                ("ajoute entreprise", 5), ("ajoute societe", 5), ("ajoute particulier", 5),
            ]),
        IntentCues(
            .invoiceAdd,
            [
                ("nouvelle facture", 5), ("ajoute facture", 5), ("ajouter facture", 5), ("ajoutez facture", 5), ("cree facture", 5),
                ("creer facture", 5), ("saisir facture", 5), ("saisis facture", 5), ("saisie facture", 5), ("enregistre facture", 4),
                ("enregistrer facture", 4), ("facture a saisir", 5), ("facturer", 3), ("facture", 1), ("ajoute", 1),
                ("emis facture", 4), ("emet facture", 4), ("facture emise", 2), ("nouvelle", 1), ("facture de", 1), ("facture n", 1),
                ("note", 0.5), ("facturee", 2),
            ]),
        IntentCues(
            .paymentRecord,
            [
                ("a paye", 4), ("paye", 3), ("payes", 2), ("a regle", 4), ("regle", 3), ("verse", 3), ("a verse", 4), ("vire", 3),
                ("recu", 3), ("encaisse", 3), ("reglement", 3), ("paiement", 3), ("virement", 2), ("cheque", 2), ("rentre", 2),
                ("a solde", 5), ("acompte", 2), ("paie", 3), ("paient", 3), ("reception", 2), ("encaissement", 3), ("versement", 3),
                ("payé", 3), ("regle la facture", 4), ("vient de regler", 4), ("vient de payer", 4), ("a rembourse", 3), ("recu de", 4),
                ("a envoye", 2), ("arrive", 1), ("file", 3), ("a donne", 3), ("m'a donne", 3), ("passe pour", 1),
            ]),
        IntentCues(
            .undo,
            [
                ("annule", 5), ("annuler", 5), ("annulez", 5), ("defais", 5), ("defaire", 5), ("retour arriere", 5),
                ("annulation", 4), ("undo", 5), ("efface", 3), ("effacer", 3), ("supprime derniere", 4), ("revenir arriere", 5),
                ("je me suis trompe", 4), ("erreur", 1), ("oups", 2), ("retire", 2),
            ], whole: ["ctrl+z", "ctrl-z", "z"]),
        IntentCues(
            .help,
            [
                ("aide", 5), ("aider", 3), ("sais faire", 5), ("sais tu faire", 5), ("sers quoi", 5), ("sert quoi", 5),
                ("help", 5), ("fonctionnalites", 4), ("comment marche", 4), ("comment ca marche", 4), ("commandes", 1),
                ("quelles commandes", 4), ("quelles questions", 4), ("questions", 2), ("comment on", 3), ("comment je", 3),
                ("comment faire", 4), ("comment fait on", 4), ("comment enregistrer", 4),
                ("peux faire", 4), ("capable", 3), ("exemples", 3), ("mode emploi", 4), ("que faire", 1), ("quoi faire", 2),
                ("comment utiliser", 4), ("comment t'utiliser", 4), ("utiliser", 2), ("perdu", 2), ("fonctionne", 3),
                ("possibilites", 3), ("tuto", 4), ("peut faire", 4), ("peux tu", 1),
            ], whole: ["?", "aide", "help", "aide moi", "aide-moi"]),
        IntentCues(
            .smalltalk,
            [
                ("bonjour", 2), ("salut", 2), ("merci", 2), ("bonsoir", 2), ("coucou", 2), ("ca va", 3), ("hello", 2),
                ("super", 1), ("parfait", 1), ("genial", 1.5), ("cool", 1.5), ("bravo", 2), ("bonne journee", 3), ("hey", 2),
                ("yo", 2), ("thanks", 2), ("top", 0.5), ("bien joue", 2), ("comment vas", 3), ("nickel", 1.5), ("ok", 1),
                ("d'accord", 1), ("excellent", 1.5), ("sympa", 1.5), ("qui es tu", 3), ("tu es qui", 3), ("t'es qui", 3),
                ("cimer", 2), ("au top", 3), ("remercie", 3), ("je vous remercie", 4), ("trop fort", 3), ("bien vu", 2),
            ]),
        IntentCues(
            .quit,
            [
                ("au revoir", 5), ("quitter", 5), ("quitte", 5), ("exit", 5), ("bye", 5), ("ciao", 4), ("a bientot", 4),
                ("a plus tard", 3), ("je m'en vais", 4), ("je pars", 3), ("on arrete", 4), ("bonne soiree", 2), ("adieu", 4),
                ("fermer", 3), ("sortir", 3), ("deconnexion", 4), ("a demain", 3), ("je ferme", 4), ("je quitte", 5),
            ], whole: ["fin", "stop", "q", "quit", "termine", "a plus", "a", "ferme"]),
        // Intents of later operations: recognised so that they are never mistaken for the ones above.
        IntentCues(
            .agingReport, [("balance agee", 6), ("anciennete", 4), ("repartition retards", 4), ("vieillissement", 4), ("aging", 5)]),
        IntentCues(.kpiDSO, [("dso", 6), ("delai moyen", 4), ("delai de paiement moyen", 4), ("jours de ventes", 3)]),
        IntentCues(
            .forecastCash,
            [
                ("prevision", 4), ("previsions", 4), ("vais je encaisser", 5), ("va rentrer", 4), ("tresorerie", 3),
                ("encaissements prevus", 5),
            ]),
        IntentCues(.riskList, [("a risque", 4), ("risque", 2), ("mauvais payeurs", 5), ("risques", 3)]),
        IntentCues(.riskScore, [("note de", 3), ("score", 4), ("fiable", 4), ("solvable", 4), ("notation", 4)]),
        IntentCues(.riskConcentration, [("dependance", 5), ("concentration", 5), ("plus gros encours", 4)]),
        IntentCues(.penaltyCompute, [("penalites", 5), ("penalite", 5), ("interets", 4), ("indemnite", 4), ("interets de retard", 5)]),
        IntentCues(
            .escalationAdvise,
            [
                ("que faire", 3), ("contentieux", 5), ("injonction", 5), ("recouvrement", 4), ("huissier", 4), ("tribunal", 4),
                ("mediateur", 4),
            ]),
        IntentCues(
            .clientUpdate,
            [
                ("change", 2), ("modifie", 3), ("met a jour", 4), ("nouvel email", 4), ("nouvelle adresse", 4), ("prefere", 4),
                ("email de", 2), ("mail de", 2), ("est maintenant", 2),
            ]),
        IntentCues(.disputeOpen, [("conteste", 5), ("contestee", 5), ("litige", 3), ("reclamation", 4), ("refuse de payer", 4)]),
        IntentCues(
            .disputeClose, [("litige regle", 6), ("litige clos", 6), ("fin du litige", 6), ("litige resolu", 6), ("leve le litige", 6)]),
        IntentCues(
            .promiseRecord,
            [("promet", 5), ("promis", 5), ("s'engage", 5), ("engage", 3), ("va payer", 4), ("paiera", 5), ("reglera", 5), ("promesse", 5)]),
        IntentCues(
            .interactionLog,
            [("j'ai appele", 5), ("appele", 3), ("repondeur", 4), ("note pour", 4), ("rendez-vous", 3), ("eu au telephone", 5)]),
        IntentCues(
            .reminderDue, [("relancer", 4), ("relances du jour", 6), ("dois je relancer", 6), ("plan de relances", 6), ("a relancer", 5)]),
        IntentCues(
            .reminderDraft,
            [
                ("redige", 5), ("rediger", 5), ("prepare", 3), ("mise en demeure", 5), ("lettre de relance", 5), ("relance", 2),
                ("ecris", 4), ("brouillon", 4),
            ]),
        IntentCues(.reminderSent, [("relance envoyee", 6), ("c'est envoye", 5), ("envoyee", 3), ("envoye", 2)]),
        IntentCues(
            .planPropose, [("echeancier", 5), ("etale", 5), ("etaler", 5), ("en fois", 4), ("mensualites", 4), ("plan de paiement", 5)]),
        IntentCues(.planAccept, [("accepte", 5), ("valide", 4), ("d'accord pour", 3)]),
        IntentCues(.planShow, [("echeanciers en cours", 6), ("ou en est l'echeancier", 6)]),
        IntentCues(.dataImport, [("importe", 5), ("importer", 5), ("import", 4), ("fec", 3)]),
        IntentCues(.dataExport, [("exporte", 5), ("exporter", 5), ("export", 4), ("en csv", 3), ("en json", 3)]),
    ]
}
