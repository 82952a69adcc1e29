import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes messages as `.eml` files, ready to be opened by a mail client.
public enum Outbox {
    /// Writes the message to `directory` (created with intermediate directories if missing) as
    /// `"<stem>.eml"`, the stem sanitised to `[A-Za-z0-9._-]` (accents folded, spaces → `-`),
    /// adding `-2`, `-3`… if the file exists. The message is validated first; the file appears
    /// complete under its final name or not at all, and never replaces an existing file.
    /// - Returns: the URL of the file written.
    /// - Throws: ``MailError`` when the message is invalid or the file cannot be written.
    public static func write(_ message: EmailMessage, to directory: URL, stem: String) throws -> URL {
        try message.validate()
        let data = message.data
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw MailError.writeFailed(path: directory.path, reason: reason(error))
        }
        let base = sanitisedStem(stem)
        let temporary = directory.appendingPathComponent(".\(base).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw MailError.writeFailed(path: temporary.path, reason: reason(error))
        }
        defer { _ = unlink(temporary.path) }
        for number in 1...10_000 {
            let target = directory.appendingPathComponent(number == 1 ? "\(base).eml" : "\(base)-\(number).eml")
            // A hard link gives the complete file its final name atomically, and fails rather
            // than replace a file created meanwhile.
            if link(temporary.path, target.path) == 0 { return target }
            let code = errno
            if code == EEXIST { continue }
            // Filesystems without hard links: check, then rename (atomic, but may race).
            if (try? FileManager.default.attributesOfItem(atPath: target.path)) != nil { continue }
            if rename(temporary.path, target.path) == 0 { return target }
            throw MailError.writeFailed(path: target.path, reason: String(cString: strerror(errno)))
        }
        throw MailError.writeFailed(path: directory.appendingPathComponent("\(base).eml").path, reason: "trop de fichiers portent ce nom")
    }

    /// `stem` reduced to `[A-Za-z0-9._-]`: accents and ligatures folded (`é` → `e`, `œ` → `oe`),
    /// spaces and other characters turned into `-` (runs collapsed), no leading or trailing `-`
    /// or `.`, a final `.eml` dropped, at most 100 characters; `message` when nothing is left.
    public static func sanitisedStem(_ stem: String) -> String {
        var text = stem
        if text.lowercased().hasSuffix(".eml") { text.removeLast(4) }
        let ligatures: [Unicode.Scalar: String] = [
            "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l",
            "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i",
        ]
        var result = ""
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if let replacement = ligatures[scalar] {
                result += replacement
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_") {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        result = String(result.prefix(100))
        result = result.trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        return result.isEmpty ? "message" : result
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? CocoaError, let underlying = error.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        return error.localizedDescription
    }
}
