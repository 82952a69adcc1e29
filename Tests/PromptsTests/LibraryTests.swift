import Testing

@testable import Prompts

/// The library parses templates lazily; every one of them must parse, and render plain text.
@Suite struct LibraryTests {
    @Test func everyTemplateParses() throws {
        let library = try PromptLibrary()
        #expect(library.names.count >= 25)
        #expect(library.names.contains("reminder-letter"))
        try library.validateAll()
    }

    @Test func textIsNotEscapedAndCached() throws {
        let library = try PromptLibrary()
        let context: [String: Any] = ["name": "Martin & Fils <compta>", "changes": "ton « tu »", "warning": ""]
        let first = library.render("client-update", context)
        #expect(first.contains("Martin & Fils <compta>"))
        #expect(library.render("client-update", context) == first)
    }
}
