import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of an imported file and how to turn them into text: the encoding is detected
/// once (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 / ISO 8859-15), and
/// each field is decoded on its own, so a million-line file is never one big `String`.
struct TextBytes {
    enum Encoding: Equatable {
        case utf8, latin
    }

    let data: Data
    /// Where the text starts (after a byte-order mark).
    let start: Int
    let encoding: Encoding
    let encodingName: String
    /// ISO 8859-15 rather than Windows-1252 for the bytes 0xA4… (a FEC's declared charset).
    let iso885915: Bool
    /// Whether `data` maps the file (pages already read can then be handed back to the system).
    let mapped: Bool

    init(url: URL, iso885915: Bool = false) throws(ImportFileError) {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw ImportFileError("le fichier ne peut pas être lu (\(error.localizedDescription))")
        }
        try self.init(data: data, iso885915: iso885915, mapped: true)
    }

    init(data: Data, iso885915: Bool = false, mapped: Bool = false) throws(ImportFileError) {
        self.iso885915 = iso885915
        var data = data
        var mapped = mapped
        var start = 0
        var name = "UTF-8"
        if data.count >= 2,
            (data[data.startIndex] == 0xFF && data[data.startIndex + 1] == 0xFE)
                || (data[data.startIndex] == 0xFE && data[data.startIndex + 1] == 0xFF)
        {
            // UTF-16 (Excel's « Texte Unicode »): turned into UTF-8 once.
            guard let text = String(data: data, encoding: .utf16) else {
                throw ImportFileError("le fichier commence comme de l’UTF-16 mais ne se décode pas\u{00A0}; enregistrez-le en CSV UTF-8")
            }
            data = Data(text.utf8)
            mapped = false
            name = "UTF-16"
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        } else if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = 3
            name = "UTF-8 avec BOM"
        }
        self.data = data
        self.mapped = mapped
        self.start = start
        let body = data.count - start
        guard body > 0, data[(data.startIndex + start)...].contains(where: { !Self.isBlank($0) }) else {
            throw ImportFileError("le fichier est vide")
        }
        // Binary: a NUL byte, or many control characters, in the first 64 KB.
        let sample = data[(data.startIndex + start)..<(data.startIndex + start + min(body, 65_536))]
        var controls = 0
        for byte in sample {
            if byte == 0 {
                throw ImportFileError(
                    "le fichier ne ressemble pas à un fichier texte (octets nuls\u{00A0}: un fichier binaire, ou de l’UTF-16 sans marque d’ordre)\u{00A0}; enregistrez-le en CSV UTF-8 ou exportez un FEC"
                )
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1A { controls += 1 }
        }
        if controls * 100 > sample.count {
            throw ImportFileError(
                "le fichier ne ressemble pas à un fichier texte (caractères de contrôle)\u{00A0}: est-ce bien un CSV ou un FEC\u{202F}?")
        }
        if Self.isValidUTF8(data, from: start) {
            encoding = .utf8
            encodingName = name
        } else {
            encoding = .latin
            encodingName = iso885915 ? "ISO 8859-15" : "Windows-1252"
        }
    }

    /// Hands the pages before `offset` back to the system: a mapped file read once need not stay
    /// resident (a million-line import would otherwise keep its 50 MB file in memory).
    func release(before offset: Int) {
        guard mapped else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let address = Int(bitPattern: base)
            let first = (address + page - 1) / page * page
            let last = (address + offset) / page * page
            guard last > first else { return }
            _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, Int32(MADV_DONTNEED))
        }
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// A fast validity check of UTF-8 over the whole buffer (no `String` made).
    static func isValidUTF8(_ data: Data, from start: Int) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = start
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                if byte & 0xE0 == 0xC0 {
                    guard byte >= 0xC2 else { return false }
                    length = 2
                } else if byte & 0xF0 == 0xE0 {
                    length = 3
                } else if byte & 0xF8 == 0xF0, byte <= 0xF4 {
                    length = 4
                } else {
                    return false
                }
                guard index + length <= count else { return false }
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
                index += length
            }
            return true
        }
    }

    /// Windows-1252's 0x80…0x9F.
    static let cp1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    /// ISO 8859-15's differences from Latin-1.
    static let iso15: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]

    /// The text of `bytes` in the file's encoding.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if encoding == .utf8 || !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            var value = UInt32(byte)
            if iso885915 {
                if let mapped = Self.iso15[byte] { value = mapped }
            } else if (0x80...0x9F).contains(byte) {
                value = Self.cp1252[Int(byte - 0x80)]
            }
            scalars.append(Unicode.Scalar(value) ?? "?")
        }
        return String(scalars)
    }
}
