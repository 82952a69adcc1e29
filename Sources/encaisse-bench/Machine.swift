import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the figures were measured on, for BENCHMARKS.md.
enum Machine {
    static var date: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "fr_FR")
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        formatter.dateFormat = "d MMMM yyyy à HH:mm"
        return formatter.string(from: Date())
    }

    static var description: [String] {
        var lines: [String] = []
        let cpu = firstValue(in: "/proc/cpuinfo", key: "model name") ?? "processeur inconnu"
        lines.append("Processeur : \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cœurs disponibles")
        lines.append(String(format: "Mémoire : %.0f Gio", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824))
        var system = utsname()
        uname(&system)
        let kernel = withUnsafeBytes(of: &system.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let os =
            firstValue(in: "/etc/os-release", key: "PRETTY_NAME", separator: "=")?.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            ?? "Linux"
        lines.append("Système : \(os), noyau \(kernel)")
        if let swift = output(of: "swift", ["--version"])?.split(separator: "\n").first { lines.append("Compilateur : \(swift)") }
        if let sqlite = output(of: "sqlite3", ["--version"])?.split(separator: " ").first {
            lines.append("sqlite3 (CLI de référence) : \(sqlite)")
        }
        return lines
    }

    static func firstValue(in file: String, key: String, separator: Character = ":") -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: separator, maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// A tool's standard output, or `nil` if it is not on the PATH.
    static func output(of tool: String, _ arguments: [String]) -> String? {
        guard let path = Bench.which(tool) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
