import Foundation

/// The fuzz targets' `main` outside libFuzzer: runs a target's check over every file named on
/// the command line (directories: every file inside, recursively), so that the corpus and any
/// crash file can be replayed by a normal build. Exits with status 1 if a file cannot be read.
public enum Replay {
    public static func run(name: String, _ check: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(name) FILE|DIRECTORY…\n".utf8))
            exit(2)
        }
        var count = 0
        for path in paths {
            for file in files(at: path) {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                data.withUnsafeBytes { raw in check(raw.bindMemory(to: UInt8.self)) }
                count += 1
            }
        }
        print("\(name): \(count) entrées rejouées sans erreur")
    }

    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let entry = enumerator?.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(entry)
            var nested: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &nested), !nested.boolValue { files.append(full) }
        }
        return files.sorted()
    }
}
