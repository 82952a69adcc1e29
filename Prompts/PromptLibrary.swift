import Foundation
import Mustache

/// The Mustache templates of every French text the assistant writes, loaded once from
/// `Prompts/templates/` (shipped as a resource of this module).
public struct PromptLibrary: Sendable {
    let library: MustacheLibrary

    /// Loads every `*.mustache` file; the name of a template is its file name without extension.
    public init() throws {
        guard let directory = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw PromptError.missingTemplates
        }
        var library = MustacheLibrary()
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            // Plain text, not HTML: nothing is escaped; a final newline is not part of the text.
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            try library.register("{{% CONTENT_TYPE: TEXT}}" + body, named: file.deletingPathExtension().lastPathComponent)
        }
        self.library = library
    }

    /// Renders a template with a context (a dictionary or a value rendered by reflection).
    public func render(_ name: String, _ context: Any) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            preconditionFailure("missing template \(name).mustache")
        }
        return text
    }
}

/// Failures loading the templates.
public enum PromptError: LocalizedError {
    case missingTemplates

    public var errorDescription: String? {
        "Les modèles de texte (Prompts/templates) sont introuvables : l’installation est incomplète."
    }
}
