/// Every French word the parser knows, in one place, folded (lower case, no accents).
///
/// Recognisers and the intent scorer read these tables; typo correction compares unknown
/// words against `vocabulary`.
public enum Lexicon {
    public static let months: [String: Int] = [
        "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6,
        "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
        "decembre": 12, "dec": 12,
    ]
    public static let weekdays: [String: Int] = [
        "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7,
    ]

    /// Words that never name a client on their own.
    public static let stopwords: Set<String> = [
        "le", "la", "les", "l'", "de", "du", "des", "d'", "un", "une", "et", "ou", "a", "au", "aux", "en", "pour", "par",
        "sur", "chez", "avec", "dans", "ce", "cet", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa",
        "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "je", "j'", "tu", "il", "elle", "on", "nous", "vous",
        "ils", "elles", "me", "m'", "te", "t'", "se", "s'", "lui", "y", "qui", "que", "qu'", "quoi", "quel", "quelle",
        "quels", "quelles", "est", "sont", "ai", "as", "avons", "avez", "ont", "suis", "es", "c'", "ca", "cela", "ceci",
        "pas", "ne", "n'", "plus", "moins", "tout", "tous", "toute", "toutes", "tres", "bien", "encore", "deja", "aussi",
        "stp", "svp", "merci", "please", "s'il", "plait", "peux", "pourrais", "pouvez", "pourriez", "voudrais", "veux",
        "donne", "donner", "dis", "dire", "moi", "toi", "ici", "la-bas", "alors", "donc", "mais", "si", "oui", "non",
        "bonjour", "salut", "hello", "hey", "actuellement", "maintenant", "aujourd'hui", "svp", "euh", "bon", "ben",
        "vient", "viens", "venir", "fait", "faire", "fais", "etre", "avoir", "combien", "quand", "comment", "ou",
        "client", "clients", "cliente", "societe", "entreprise", "ste", "ets", "etablissements", "mr", "m", "mme", "mlle",
        "monsieur", "madame", "ya", "y'a", "a-t-il", "t-il", "total", "au", "tva", "comprise", "ttc", "ht", "euros", "euro",
        "eur", "€", "k€", "balles", "chose", "quelque", "truc", "plutot", "finalement", "seulement", "aussi", "enfin", "sinon",
        "juste", "uniquement", "pourquoi", "ok", "oui", "non", "voila", "bref",
    ]

    /// Legal forms and filler words of company names: ignored unless they disambiguate.
    public static let legalForms: Set<String> = [
        "sarl", "sas", "sa", "eurl", "sasu", "sci", "snc", "selarl", "scp", "scop", "ei", "eirl", "gie", "cie", "et",
        "ets", "etablissements", "societe", "ste", "groupe", "&",
    ]

    /// "par virement", "un chèque", "en CB"…
    public static let paymentMethods: [String: String] = [
        "virement": "transfer", "vir": "transfer", "virements": "transfer", "vire": "transfer", "virer": "transfer",
        "cheque": "cheque", "cheques": "cheque", "chq": "cheque", "cb": "card", "carte": "card", "tpe": "card",
        "prelevement": "directDebit", "prelev": "directDebit", "prlv": "directDebit", "sepa": "directDebit",
        "especes": "cash", "espece": "cash", "liquide": "cash", "cash": "cash",
    ]

    /// Invoice and client status filters.
    public static let statusWords: [String: String] = [
        "retard": "overdue", "echues": "overdue", "echue": "overdue", "echus": "overdue", "impayees": "overdue",
        "impayee": "overdue", "impayes": "overdue", "impaye": "overdue", "retards": "overdue", "depassees": "overdue",
        "ouvertes": "open", "ouverte": "open", "cours": "open", "reglees": "paid", "reglee": "paid", "payees": "paid",
        "payee": "paid", "soldees": "paid", "soldee": "paid", "acquittees": "paid", "litige": "disputed",
        "litiges": "disputed", "contestees": "disputed", "contestee": "disputed", "litigieuses": "disputed",
    ]

    /// SMS and familiar spellings, read as the word they stand for.
    public static let shorthand: [String: String] = [
        "ki": "qui", "koi": "quoi", "kel": "quel", "kels": "quels", "kelle": "quelle", "pa": "pas", "pr": "pour",
        "ds": "dans", "tt": "tout", "ts": "tous", "bcp": "beaucoup", "slt": "salut", "bjr": "bonjour", "mrc": "merci",
        "mci": "merci", "stp": "stp", "svp": "svp", "jsp": "je sais pas", "qd": "quand", "cmb": "combien", "cb": "cb",
        "combi1": "combien", "mm": "meme", "fact": "facture", "fct": "facture", "fac": "facture", "fcts": "factures",
        "rdv": "rendez-vous", "tel": "telephone", "tél": "telephone", "infos": "infos", "cc": "coucou", "thx": "merci",
        "dc": "donc", "auj": "aujourd'hui", "ajd": "aujourd'hui", "mtn": "maintenant", "c": "c'", "m": "m'", "g": "j'ai",
        "paiment": "paiement", "jai": "ai", "rglt": "reglement", "regl": "reglement", "vir": "virement", "chq": "cheque",
    ]

    /// Short forms of words found in company names: "véto" for "vétérinaire".
    public static let nameAbbreviations: [String: String] = [
        "veto": "veterinaire", "resto": "restaurant", "pharma": "pharmacie", "elec": "electricite", "plomb": "plomberie",
        "menuis": "menuiserie", "transp": "transports", "immo": "immobilier", "archi": "architecte", "compta": "comptable",
        "info": "informatique", "assoc": "association", "boulange": "boulangerie", "garag": "garage",
    ]

    /// Words after which a date is read in the past ("payé le 3 mars", "depuis le 15").
    public static let pastCues: Set<String> = [
        "paye", "payee", "payes", "regle", "reglee", "regles", "recu", "recue", "verse", "vire", "encaisse", "depuis", "emise",
        "emis", "datee", "date", "envoye", "envoyee", "appele", "relancee", "etait", "avait",
    ]

    /// How to reach a client ("par mail", "en recommandé", "par téléphone").
    public static let channels: [String: String] = [
        "mail": "email", "email": "email", "e-mail": "email", "mails": "email", "courriel": "email", "emails": "email",
        "courrier": "letter", "lettre": "letter", "postal": "letter", "poste": "letter", "recommande": "registeredLetter",
        "recommandee": "registeredLetter", "lrar": "registeredLetter", "ar": "registeredLetter", "telephone": "phone",
        "tel": "phone", "telephonique": "phone", "appel": "phone", "appele": "phone", "appeler": "phone", "portable": "phone",
        "repondeur": "phone", "sms": "sms", "texto": "sms", "textos": "sms",
    ]

    /// Payment plan spacing.
    public static let frequencies: [String: String] = [
        "mensuel": "monthly", "mensuelle": "monthly", "mensuelles": "monthly", "mensualites": "monthly", "mensualite": "monthly",
        "hebdomadaire": "weekly", "hebdo": "weekly", "trimestriel": "quarterly", "trimestrielle": "quarterly",
        "trimestrielles": "quarterly", "trimestrialites": "quarterly", "bimensuel": "biweekly", "bimensuelle": "biweekly",
    ]

    /// File formats for import and export.
    public static let fileFormats: Set<String> = ["csv", "json"]

    /// Very common French words: never "corrected" into a lexicon word ("chaque" is not "chèque").
    public static let commonWords: Set<String> = [
        "chaque", "toujours", "encore", "jamais", "rien", "avant", "apres", "pendant", "quand", "comme", "aussi", "beaucoup",
        "autre", "autres", "meme", "faire", "dire", "voir", "donner", "prendre", "mettre", "savoir", "pouvoir", "vouloir",
        "devoir", "aller", "venir", "envoyer", "recevoir", "jour", "heure", "matin", "soir", "nouveau", "nouvelle", "somme",
        "lettre", "message", "appel", "plan", "compte", "banque", "fichier", "liste", "tableau", "rapport", "entre", "contre",
        "sans", "vers", "merci", "reste", "restant", "premiers", "derniers", "moyen", "moyenne", "part", "poids", "chiffre",
        "affaires", "gros", "grosse", "grosses", "plus", "moins", "combien", "depuis", "tout", "tous", "toutes", "bien",
        "peut", "veut", "fait", "faite", "faites", "envoi", "envoie", "envoyee", "passe", "passee", "change", "changer",
        "charge", "sauvegarde", "enregistre", "format", "export", "import", "relance", "relances", "relancer", "relancee",
        "echeancier", "echeanciers", "etalement", "acompte", "apport", "promis", "promesse", "accord", "litige", "contestation",
        "semaine", "semaines", "prochaine", "dernier", "derniere", "trimestre", "annee", "particulier", "client", "clients",
        "salon", "visite", "entretien", "discussion", "comptable", "gerant", "conges", "vacances", "retour", "question",
        "questions", "parle", "parler", "vide", "sonne", "signe", "confirme", "valide", "accepte", "refuse", "bloque",
        "refais", "refaire", "refait", "fais", "defaire", "casse", "ceux", "celles", "supprime", "supprimer", "cause", "lors", "terme",
        "termes", "forme", "femme", "pose", "poser", "pauses", "textes", "fermes", "fermer", "boire", "parce",
        "puisque", "partir", "mises",
    ]

    /// Forms of "relancer" and "relance".
    public static let dunningForms: Set<String> = [
        "relance", "relances", "relancer", "relancez", "relancons", "relancee", "relancees", "relancera", "relancerai", "relancent",
    ]

    /// Client settings: "arrête les relances", "mets en pause", "reprends les relances".
    public static let dunningStopVerbs: Set<String> = [
        "arrete", "arreter", "arretez", "arretons", "arrette", "stop", "stoppe", "stopper", "stoppez", "cesse", "cesser", "cessez",
        "interromps", "interrompre", "interrompez", "coupe", "couper", "bloque", "bloquer", "bloquez",
    ]
    public static let dunningPauseWords: Set<String> = [
        "pause", "suspends", "suspend", "suspendre", "suspendez", "suspendu", "suspendue", "suspendus", "suspendues", "suspension",
        "gele", "geler", "gelez", "gel",
    ]
    public static let dunningResumeVerbs: Set<String> = [
        "reprends", "reprendre", "reprenez", "reprenons", "reprend", "reprise", "reactive", "reactiver", "reactivez", "reactivee",
        "reactivees", "reactives", "reactivation", "relance-les", "remets", "remettre", "remettez", "retablis", "retablir",
    ]
    /// Words that end a pause: "fin de la pause", "lève la pause", "sors-le de pause".
    public static let pauseEnders: Set<String> = [
        "fin", "leve", "lever", "levez", "termine", "terminee", "sors", "sortir", "sortez", "sort", "enleve", "enlever", "retire",
        "retirer", "arrete", "arreter", "stoppe", "annule", "plus",
    ]

    /// Insolvency proceedings: "redressement judiciaire", "liquidation", "procédure de sauvegarde", "RJ".
    public static let insolvencyHeads: Set<String> = ["redressement", "liquidation", "rj", "lj", "faillite"]
    /// Words that continue the name of a proceeding ("liquidation judiciaire", "dépôt de bilan").
    public static let insolvencyTails: Set<String> = [
        "judiciaire", "judiciaires", "collective", "simplifiee", "acceleree", "sauvegarde", "redressement", "liquidation", "bilan",
        "paiements", "paiement",
    ]

    /// Words of the settings above, of letter formats and exclusions: never "corrected".
    public static let settingWords: Set<String> = [
        "tutoie", "tutoies", "tutoyer", "tutoyez", "tutoyons", "tutoiement", "vouvoie", "vouvoies", "vouvoyer", "vouvoyez",
        "vouvoyons", "vouvoiement", "pause", "suspends", "suspendre", "suspendu", "suspendue", "suspension", "reprends", "reprendre",
        "reprise", "reactive", "reactiver", "reactivees", "reactivee", "arrete", "arreter", "stoppe", "stopper", "cesse", "cesser",
        "redressement", "liquidation", "sauvegarde", "judiciaire", "procedure", "faillite", "bilan", "cessation", "sequence",
        "scenario", "sauf", "hors", "excepte", "exceptee", "hormis", "excluant", "outbox", "texte", "boite", "envoi", "privilegie",
        "privilegier", "rappeler", "rappelle", "rappel", "rappelez", "nouveau", "vacances", "fermee", "ferme", "travaux",
    ]

    /// Words that turn "payé" into "pas payé".
    public static let negations: Set<String> = ["pas", "pa", "jamais", "toujours-pas", "point", "aucun", "non"]

    /// Payment verbs that, negated, mean "unpaid".
    public static let paymentVerbs: Set<String> = [
        "paye", "payes", "payee", "payees", "regle", "regles", "reglee", "reglees", "solde", "soldes", "vire", "verse", "paie",
        "paient", "payer", "regler", "rembourse",
    ]

    /// Common French words the typo corrector may map an unknown word to.
    public static var vocabulary: Set<String> {
        var words = Set(IntentCues.all.flatMap { $0.cues.flatMap { $0.words } })
        words.formUnion(months.keys.filter { $0.count > 4 })
        words.formUnion(weekdays.keys)
        words.formUnion(paymentMethods.keys.filter { $0.count > 4 })
        words.formUnion(statusWords.keys)
        words.formUnion([
            "facture", "factures", "client", "clients", "paiement", "paye", "retard", "combien", "doit", "echeance",
            "semaine", "prochaine", "prochain", "dernier", "derniere", "demain", "hier", "jours", "mois", "euros",
            "aujourd'hui", "depuis", "quinzaine", "huitaine", "trimestre", "annee", "encours", "montant", "solde",
            "particulier", "particuliere", "particuliers", "professionnel", "professionnels", "entreprise", "societe",
            "facturation", "reglement", "paiement", "paiements", "ensemble", "interactions", "relance", "relances",
            "contact", "contacts", "adresse", "portable", "numero", "fiche", "client", "cliente", "payer", "regler",
        ])
        return words.filter { $0.count >= 4 && !$0.contains(" ") }
    }
}
