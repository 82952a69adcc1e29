/// Words and phrases offered by Tab in the REPL, besides client names.
enum CommandWords {
    static let all = [
        "qui est en retard ?", "combien me doit", "fiche", "factures de", "liste des clients", "a payé", "nouvelle facture",
        "ajoute le client", "annule", "aide", "au revoir", "factures en retard", "factures à échéance cette semaine",
    ]
}
