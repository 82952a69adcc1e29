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
                ("fiche", 4), ("ou en est", 4), ("ou en sommes nous", 3), ("historique", 5), ("infos", 3), ("info", 3),
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
                ("clients factures", 3), ("clients litige", 3), ("clients qui", 2.5), ("clients pros", 3), ("clients ayant", 4),
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
                ("annule", 7), ("annuler", 7), ("annulez", 7), ("defais", 5), ("defaire", 5), ("retour arriere", 5),
                ("annulation", 4), ("undo", 5), ("efface", 3), ("effacer", 3), ("supprime derniere", 4), ("revenir arriere", 5),
                ("je me suis trompe", 4), ("supprime le dernier", 6), ("supprime la derniere", 6), ("supprime", 3), ("erreur", 1),
                ("oups", 2), ("retire", 2),
            ], whole: ["ctrl+z", "ctrl-z", "z"]),
        IntentCues(
            .help,
            [
                ("aide", 5), ("aider", 3), ("sais faire", 5), ("sais tu faire", 5), ("sers quoi", 5), ("sert quoi", 5),
                ("help", 5), ("fonctionnalites", 4), ("comment marche", 4), ("comment ca marche", 4), ("commandes", 1),
                ("quelles commandes", 4), ("quelles questions", 4), ("questions", 2), ("comment on", 3), ("comment je", 3),
                ("comment faire", 6), ("comment je fais", 6), ("comment fait on", 4), ("comment enregistrer", 4),
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
                ("cimer", 2), ("bien aide", 6), ("m'as aide", 6), ("au top", 3), ("remercie", 3), ("je vous remercie", 4), ("trop fort", 3),
                ("bien vu", 2),
            ]),
        IntentCues(
            .quit,
            [
                ("au revoir", 5), ("quitter", 5), ("quitte", 5), ("exit", 5), ("bye", 5), ("ciao", 4), ("a bientot", 4),
                ("a plus tard", 3), ("je m'en vais", 4), ("je pars", 3), ("on arrete", 4), ("bonne soiree", 2), ("adieu", 4),
                ("fermer", 3), ("sortir", 3), ("deconnexion", 4), ("a demain", 3), ("je ferme", 4), ("je quitte", 5), ("je me casse", 5),
                ("je m'en vais", 5),
            ], whole: ["fin", "stop", "q", "quit", "termine", "a plus", "a+", "ferme"]),
        // Intents of later operations: recognised so that they are never mistaken for the ones above.
        IntentCues(
            .agingReport,
            [
                ("balance agee", 6), ("anciennete", 4), ("repartition retards", 4), ("repartition des retards", 4), ("vieillissement", 4),
                ("aging", 5), ("tranches", 4), ("par tranche", 4), ("tableau des retards", 5), ("entre 31 et 60", 5), ("au-dela de 90", 3),
                ("31-60", 5), ("61-90", 5), ("0-30", 5), ("creances par anciennete", 6), ("encours total", 3), ("total des creances", 6),
                ("total de l'encours", 3),
            ]),
        IntentCues(
            .kpiDSO,
            [
                ("dso", 6), ("delai moyen", 5), ("delai de paiement moyen", 5), ("jours de ventes", 3), ("retard moyen", 5),
                ("en moyenne", 4), ("jours moyen", 5), ("delai d'encaissement", 4), ("delais de paiement", 3), ("paie en moyenne", 5),
                ("nombre de jours moyen", 6), ("delai client", 3),
            ]),
        IntentCues(
            .forecastCash,
            [
                ("prevision", 5), ("previsions", 5), ("vais je encaisser", 6), ("va rentrer", 5), ("tresorerie", 3),
                ("encaissements prevus", 6), ("vais toucher", 6), ("vais encaisser", 6), ("j' encaisse", 4), ("cash attendu", 6),
                ("attendus", 3), ("encaissements attendus", 6), ("doit rentrer", 6), ("devrait me verser", 5), ("devraient rentrer", 6),
                ("rentrees prevues", 6), ("rentrer", 2), ("toucher", 3), ("a venir", 2), ("prevoir", 3),
            ]),
        IntentCues(
            .riskList,
            [
                ("a risque", 5), ("risque", 2), ("mauvais payeurs", 6), ("risques", 3), ("douteux", 5), ("inquietent", 5),
                ("risque eleve", 5), ("moins fiables", 6), ("pires payeurs", 6), ("pires", 3), ("a surveiller", 5), ("scoring", 5),
                ("classement", 3), ("plus risques", 5), ("risque d'impaye", 5),
            ]),
        IntentCues(
            .riskScore,
            [
                ("note de", 3), ("score", 5), ("fiable", 5), ("solvable", 5), ("notation", 5), ("risquee", 4), ("risque client", 4),
                ("paie bien", 5), ("fiabilite", 6), ("bon payeur", 5), ("mauvais payeur", 5), ("confiance", 3), ("note", 2), ("sa note", 6),
            ]),
        IntentCues(
            .riskConcentration,
            [
                ("dependance", 6), ("concentration", 6), ("plus gros encours", 5), ("pareto", 6), ("poids", 4), ("part de", 2),
                ("chiffre d'affaires", 2), ("premiers clients", 3), ("repartition de l'encours", 5), ("plus gros clients", 5),
                ("gros clients", 4), ("depend", 4), ("representent", 3),
            ]),
        IntentCues(.penaltyCompute, [("penalites", 5), ("penalite", 5), ("interets", 4), ("indemnite", 4), ("interets de retard", 5)]),
        IntentCues(
            .escalationAdvise,
            [
                ("que faire", 4), ("contentieux", 5), ("injonction", 5), ("recouvrement", 4), ("huissier", 4), ("tribunal", 4),
                ("mediateur", 4), ("recours", 6), ("recouvrer", 5), ("prochaine etape", 6), ("conseilles", 5), ("conseillez", 5),
                ("conseil", 4), ("je fais quoi", 5), ("faut il", 4), ("tout essaye", 4), ("ne repond plus", 3), ("quoi faire", 3),
                ("strategie", 4), ("poursuivre", 4),
            ]),
        IntentCues(
            .clientUpdate,
            [
                ("change", 2), ("modifie", 4), ("met a jour", 6), ("mets a jour", 6), ("mettre a jour", 6), ("maj", 5),
                ("nouvel email", 5), ("nouvelle adresse", 5), ("prefere", 5), ("email de", 2), ("mail de", 2), ("est maintenant", 3),
                ("veut etre", 4), ("desormais", 3), ("a change", 4), ("change de", 4), ("nouveau numero", 6), ("numero de", 2),
                ("contacte par", 3), ("corrige", 4), ("remplace", 4), ("passe", 1), ("souhaite etre", 4),
                ("privilegie", 5), ("privilegier", 5),
            ]),
        IntentCues(
            .disputeOpen,
            [
                ("conteste", 5), ("contestee", 5), ("litige", 3), ("reclamation", 4), ("refuse de payer", 5), ("desaccord", 5),
                ("bloque les relances", 5), ("met en litige", 6), ("mets en litige", 6), ("ouvre un litige", 6), ("differend", 3),
                ("pas d'accord", 3), ("suspend", 3),
            ]),
        IntentCues(
            .disputeClose,
            [
                ("litige regle", 7), ("litige clos", 7), ("fin du litige", 7), ("litige resolu", 7), ("leve le litige", 7),
                ("resolu", 4), ("clos", 4), ("clore", 4), ("cloture", 4), ("clot", 4), ("levee", 4), ("leve", 3), ("plus contestee", 7),
                ("plus conteste", 7), ("reprendre les relances", 6), ("reprends les relances", 6), ("accepte notre avoir", 5),
                ("regle avec", 3), ("terminee", 3),
            ]),
        IntentCues(
            .promiseRecord,
            [
                ("promet", 6), ("promis", 6), ("s'engage", 6), ("engage", 3), ("va payer", 5), ("paiera", 6), ("reglera", 6),
                ("promesse", 6), ("va virer", 6), ("va regler", 6), ("versera", 6), ("jure", 5), ("assure", 3), ("virera", 6),
                ("payera", 6), ("vont payer", 5), ("compte payer", 4), ("prevoit de payer", 5), ("annonce", 3),
            ]),
        IntentCues(
            .interactionLog,
            [
                ("j'ai appele", 6), ("appele", 4), ("repondeur", 5), ("note pour", 5), ("rendez-vous", 3), ("eu au telephone", 6),
                ("au telephone", 4), ("message laisse", 6), ("laisse un message", 6), ("entretien", 5), ("consigner", 5),
                ("consigne", 5), ("appel", 3), ("sonne", 4), ("discussion avec", 5), ("visite", 5), ("rencontre", 5), ("reunion", 4),
                ("eu", 1), ("parle avec", 5), ("echange avec", 5), ("note", 2), ("joint", 3), ("injoignable", 5),
            ]),
        IntentCues(
            .reminderDue,
            [
                ("relancer", 4), ("relances du jour", 7), ("dois je relancer", 7), ("plan de relances", 7), ("a relancer", 6),
                ("qui je relance", 7), ("qui relancer", 7), ("a qui", 2), ("qui doit recevoir", 6), ("dois je envoyer", 6),
                ("relances a faire", 7), ("relance tous", 6), ("tous ceux", 3), ("relances en attente", 7), ("relances prevues", 7),
                ("relances de la semaine", 7),
                ("qui dois je", 3), ("relances", 2),
            ]),
        IntentCues(
            .reminderDraft,
            [
                ("redige", 6), ("rediger", 6), ("redigez", 6), ("prepare", 3), ("mise en demeure", 4), ("lettre de relance", 6),
                ("relance", 4), ("ecris", 5), ("ecrire", 4), ("brouillon", 5), ("fais moi une relance", 6), ("envoie", 2),
                ("courrier de relance", 6), ("mail de relance", 4), ("texte", 3), ("modele", 3),
            ]),
        IntentCues(
            .reminderSent,
            [
                ("relance envoyee", 8), ("c'est envoye", 7), ("envoyee", 5), ("envoye", 5), ("partie", 5), ("parti", 5),
                ("faite", 5), ("ai relance", 7), ("ai envoye", 7), ("envoi", 5), ("expedie", 6), ("expediee", 6), ("relance faite", 8),
                ("deja relance", 6),
            ]),
        IntentCues(
            .planPropose,
            [
                ("echeancier", 3), ("etale", 6), ("etaler", 6), ("etalement", 6), ("en fois", 4), ("mensualites", 3),
                ("plan de paiement", 4), ("propose", 3), ("refais", 4), ("nouvel echeancier", 6), ("proposer", 3), ("fais un", 2),
                ("prepare", 2), ("chaque semaine", 2),
                ("par mois", 2),
            ]),
        IntentCues(
            .planAccept,
            [
                ("accepte", 8), ("acceptons", 8), ("acceptation", 8), ("valide", 6), ("on valide", 8), ("confirme", 3),
                ("confirme l'echeancier", 7),
                ("d'accord pour", 5), ("d'accord avec", 5), ("est d'accord", 5), ("signe", 5), ("a signe", 6), ("accord de", 5),
                ("approuve", 6), ("ok pour", 4),
            ]),
        IntentCues(
            .planShow,
            [
                ("echeanciers en cours", 7), ("ou en est l'echeancier", 8), ("echeancier", 3.2), ("echeanciers", 5), ("plans", 4),
                ("montre le plan", 7), ("le plan de", 4), ("respecte", 5), ("tient", 4), ("reste sur le plan", 7), ("du plan", 4),
                ("detail de l'echeancier", 7), ("suivi", 4), ("mensualites en retard", 6), ("tient ses mensualites", 7),
                ("sur tous les plans", 7), ("plans de paiement", 5), ("son plan", 6), ("son echeancier", 6),
            ]),
        IntentCues(
            .dataImport,
            [
                ("importe", 7), ("importer", 7), ("import", 6), ("fec", 3), ("charge", 4), ("charger", 4), ("integre", 4),
            ]),
        IntentCues(
            .dataExport,
            [
                ("exporte", 8), ("exporter", 8), ("export", 7), ("en csv", 3), ("en json", 3), ("sauvegarde", 5), ("extrais", 5),
                ("au format", 2),
            ]),
    ]
}
