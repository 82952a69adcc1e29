import Foundation
import GRDB

/// Everything that can go wrong with the ledger file, in words a person can act on.
public enum PersistenceError: LocalizedError, Equatable, Sendable {
    case cannotOpen(path: String, reason: String)
    case locked(path: String)
    case corrupt(path: String)
    case duplicateInvoiceNumber(String)
    case duplicateClientCode(String)
    case unknownClient(Int64)
    case unknownInvoice(String)
    case nothingToUndo
    case invalidAmount(String)
    case notALedger(path: String)
    case storage(String)

    public var errorDescription: String? {
        let nbsp = "\u{00A0}"
        switch self {
        case .cannotOpen(let path, let reason):
            return "Impossible d’ouvrir le registre « \(path) »\(nbsp): \(reason)."
        case .locked(let path):
            return "Le registre « \(path) » est verrouillé par un autre programme. Réessayez dans un instant\u{202F}; rien n’a été modifié."
        case .corrupt(let path):
            return
                "Le fichier « \(path) » n’est pas un registre Encaisse lisible (fichier endommagé ou d’un autre type). Rien n’a été modifié\u{202F}; restaurez une sauvegarde ou indiquez un autre fichier avec --db."
        case .duplicateInvoiceNumber(let number):
            return "La facture « \(number) » existe déjà. Choisissez un autre numéro."
        case .duplicateClientCode(let code):
            return "Le code client « \(code) » est déjà pris."
        case .unknownClient(let id):
            return "Aucun client n°\(id) dans le registre."
        case .unknownInvoice(let number):
            return "Aucune facture « \(number) » dans le registre."
        case .nothingToUndo:
            return "Il n’y a rien à annuler."
        case .invalidAmount(let amount):
            return "Montant refusé (\(amount))\(nbsp): un paiement est strictement positif."
        case .notALedger(let path):
            return
                "Le fichier « \(path) » est une base SQLite d’un autre programme, pas un registre Encaisse\u{202F}: il n’a pas été modifié. Indiquez un autre fichier avec --db."
        case .storage(let detail):
            return "Erreur du registre\(nbsp): \(detail). Rien n’a été modifié."
        }
    }

    /// Translates a SQLite failure into a message about the file at `path`.
    static func wrap(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return PersistenceError.locked(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return PersistenceError.corrupt(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return PersistenceError.cannotOpen(path: path, reason: error.message ?? "accès refusé")
        default: return PersistenceError.storage(error.message ?? "\(error.resultCode)")
        }
    }
}
