import Foundation
import Mustache

/// The Mustache templates of every French text the assistant writes, read once from
/// `Prompts/templates/` (shipped as a resource of this module) and each parsed on its first
/// use: the long letters would otherwise cost every start-up, and a script asks one question.
public struct PromptLibrary: Sendable {
    /// Template texts by name (file name without extension).
    let texts: [String: String]
    let cache = TemplateCache()

    /// Reads every `*.mustache` file; the name of a template is its file name without extension.
    public init() throws {
        guard let directory = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw PromptError.missingTemplates
        }
        var texts: [String: String] = [:]
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            // Plain text, not HTML: nothing is escaped; a final newline is not part of the text.
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            texts[file.deletingPathExtension().lastPathComponent] = "{{% CONTENT_TYPE: TEXT}}" + body
        }
        self.texts = texts
    }

    /// The names of the templates.
    public var names: [String] { texts.keys.sorted() }

    /// Parses every template now; throws the first that does not parse (tests call this).
    public func validateAll() throws {
        for name in names { _ = try template(name) }
    }

    /// Renders a template with a context (a dictionary or a value rendered by reflection).
    public func render(_ name: String, _ context: Any) -> String {
        do {
            return try template(name).render(context)
        } catch {
            preconditionFailure("template \(name).mustache: \(error)")
        }
    }

    func template(_ name: String) throws -> MustacheTemplate {
        if let cached = cache.get(name) { return cached }
        guard let text = texts[name] else { preconditionFailure("missing template \(name).mustache") }
        let template = try MustacheTemplate(string: text)
        cache.set(name, template)
        return template
    }
}

/// Parsed templates, shared by the copies of a `PromptLibrary`.
final class TemplateCache: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [String: MustacheTemplate] = [:]

    func get(_ name: String) -> MustacheTemplate? {
        lock.lock()
        defer { lock.unlock() }
        return templates[name]
    }

    func set(_ name: String, _ template: MustacheTemplate) {
        lock.lock()
        defer { lock.unlock() }
        templates[name] = template
    }
}

/// Failures loading the templates.
public enum PromptError: LocalizedError {
    case missingTemplates

    public var errorDescription: String? {
        "Les modèles de texte (Prompts/templates) sont introuvables : l’installation est incomplète."
    }
}
