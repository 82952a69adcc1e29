import Foundation

/// Runs the built `encaisse` binary with arguments, feeding stdin through a pipe, and
/// collects stdout, stderr and the exit status.
struct BinaryRunner {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The binary next to the test bundle (`.build/debug/encaisse`), or `$ENCAISSE_BIN`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["ENCAISSE_BIN"] { return URL(fileURLWithPath: path) }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("encaisse")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/encaisse")
    }()

    /// The repository root (for `Scripts/`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the binary; `chunks` are written to stdin one after the other with `pause` between them
    /// (to exercise split reads), then stdin is closed.
    static func run(
        _ arguments: [String], stdin chunks: [Data] = [], pause: TimeInterval = 0, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "ENCAISSE_DB")
        env.removeValue(forKey: "ENCAISSE_TODAY")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both outputs concurrently so that a full pipe never blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        for chunk in chunks {
            try? input.fileHandleForWriting.write(contentsOf: chunk)
            if pause > 0 { Thread.sleep(forTimeInterval: pause) }
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Result(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }

    static func run(_ arguments: [String], stdin text: String, environment: [String: String] = [:]) throws -> Result {
        try run(arguments, stdin: [Data(text.utf8)], environment: environment)
    }
}
