import Receivables
import Testing

/// Proves the dunning sequence: the standard steps of `product.md`, the text form of the
/// `dunning.sequence` setting read by `parse` and written by `text` (round trips), every
/// refusal with its French message, and the step lookups the planner relies on.
@Suite struct DunningSequenceTests {
    static let standardText =
        "courtesy:-5:email:friendly; reminder1:3:email:friendly; reminder2:15:email+phone:firm; reminder3:30:letter:firm; "
        + "formalNotice:45:registeredLetter:formal; escalation:60::formal"

    static func failure(_ result: Result<DunningSequence, SequenceError>) -> SequenceError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    // MARK: The standard sequence

    @Test func standardFollowsTheProductSpec() {
        let standard = DunningSequence.standard
        #expect(standard.anchor == .dueDate)
        #expect(standard.steps.map(\.level) == DunningLevel.allCases)
        #expect(standard.steps.map(\.delay) == [-5, 3, 15, 30, 45, 60])
        #expect(standard.step(.reminder1)?.channels == [.email])
        #expect(standard.step(.reminder2)?.channels == [.email, .phone])
        #expect(standard.step(.reminder3)?.channels == [.letter])
        #expect(standard.step(.formalNotice)?.channels == [.registeredLetter])
        #expect(standard.step(.escalation)?.channels == [])
        #expect(standard.steps.map(\.tone) == [.friendly, .friendly, .firm, .firm, .formal, .formal])
    }

    @Test func standardTextIsTheSettingForm() {
        #expect(DunningSequence.standard.text == Self.standardText)
    }

    @Test func standardTextRoundTrips() {
        #expect(DunningSequence.parse(DunningSequence.standard.text) == .success(.standard))
    }

    /// The example of the doc comment, tones left out: the standard tones are filled in.
    @Test func docExampleWithoutTonesIsTheStandard() {
        let text =
            "courtesy:-5:email; reminder1:3:email; reminder2:15:email+phone; reminder3:30:letter; formalNotice:45:registeredLetter; escalation:60"
        #expect(DunningSequence.parse(text) == .success(.standard))
    }

    @Test(arguments: [
        "reminder1:3:email:friendly",
        "reminder1:0:sms:firm; reminder2:10:phone+email:firm; formalNotice:20:registeredLetter:formal",
        "courtesy:-2:sms:friendly; reminder1:1:sms+email:friendly; reminder3:40:letter+registeredLetter:formal; escalation:90::formal",
        "reminder1:-60:email:friendly; reminder2:400:email:formal",
    ])
    func customSequencesRoundTrip(text: String) throws {
        let sequence = try DunningSequence.parse(text).get()
        #expect(sequence.text == text)
        #expect(DunningSequence.parse(sequence.text) == .success(sequence))
    }

    @Test func previousReminderAnchorRoundTrips() throws {
        let text = "reminder1:3:email:friendly; reminder2:10:email+phone:firm; reminder3:5:letter:firm"
        let sequence = try DunningSequence.parse(text, anchor: .previousReminder).get()
        #expect(sequence.anchor == .previousReminder)
        #expect(sequence.steps.map(\.delay) == [3, 10, 5])
        #expect(DunningSequence.parse(sequence.text, anchor: .previousReminder) == .success(sequence))
    }

    // MARK: Lenient reading

    @Test func stepsAreSortedByLevel() throws {
        let sequence = try DunningSequence.parse("reminder2:15:email; courtesy:-5:email; reminder1:3:email").get()
        #expect(sequence.steps.map(\.level) == [.courtesy, .reminder1, .reminder2])
        let built = DunningSequence(steps: sequence.steps.reversed())
        #expect(built.steps.map(\.level) == [.courtesy, .reminder1, .reminder2])
    }

    @Test func spacesAroundFieldsAreIgnored() throws {
        let sequence = try DunningSequence.parse("  reminder1 : 3 : email + phone : firm ;reminder2:15:letter").get()
        #expect(
            sequence.steps == [
                DunningStep(level: .reminder1, delay: 3, channels: [.email, .phone], tone: .firm),
                DunningStep(level: .reminder2, delay: 15, channels: [.letter], tone: .firm),
            ])
    }

    /// Without a tone, a level takes the standard one.
    @Test(arguments: [
        (DunningLevel.courtesy, DunningTone.friendly), (.reminder1, .friendly), (.reminder2, .firm), (.reminder3, .firm),
        (.formalNotice, .formal), (.escalation, .formal),
    ])
    func missingToneIsTheStandardOne(level: DunningLevel, tone: DunningTone) throws {
        let delay = level == .courtesy ? -5 : 3
        let extra = level == .courtesy ? "; reminder1:3:email" : ""
        let sequence = try DunningSequence.parse("\(level.rawValue):\(delay):email\(extra)").get()
        #expect(sequence.step(level)?.tone == tone)
    }

    @Test func escalationNeedsNoChannel() throws {
        let sequence = try DunningSequence.parse("reminder1:3:email; escalation:60").get()
        #expect(sequence.step(.escalation) == DunningStep(level: .escalation, delay: 60, channels: [], tone: .formal))
    }

    // MARK: Refusals

    @Test(arguments: [
        ("reminder9:3:email", "reminder9:3:email", "étape inconnue"),
        ("relance:3:email", "relance:3:email", "étape inconnue"),
        ("reminder1", "reminder1", "étape inconnue"),
        ("reminder1:trois:email", "reminder1:trois:email", "délai en jours invalide"),
        ("reminder1::email", "reminder1::email", "délai en jours invalide"),
        ("reminder1:401:email", "reminder1:401:email", "délai en jours invalide"),
        ("reminder1:-61:email", "reminder1:-61:email", "délai en jours invalide"),
        ("reminder1:3.5:email", "reminder1:3.5:email", "délai en jours invalide"),
        ("reminder1:3:pigeon", "reminder1:3:pigeon", "canal « pigeon » inconnu"),
        ("reminder1:3:email+fax", "reminder1:3:email+fax", "canal « fax » inconnu"),
        ("reminder1:3", "reminder1:3", "il faut au moins un canal"),
        ("reminder1:3:", "reminder1:3:", "il faut au moins un canal"),
        ("formalNotice:45::formal", "formalNotice:45::formal", "il faut au moins un canal"),
        ("reminder1:3:email:angry", "reminder1:3:email:angry", "ton « angry » inconnu (friendly, firm, formal)"),
        (
            "reminder1:15:email; reminder2:3:email", "reminder1:15:email; reminder2:3:email",
            "les délais doivent croître d’une étape à l’autre"
        ),
        (
            "courtesy:10:email; reminder1:3:email", "courtesy:10:email; reminder1:3:email",
            "les délais doivent croître d’une étape à l’autre"
        ),
        ("courtesy:-5:email", "courtesy:-5:email", "aucune étape de relance"),
        ("", "", "aucune étape de relance"),
    ])
    func refusals(text: String, part: String, reason: String) {
        let error = Self.failure(DunningSequence.parse(text))
        #expect(error?.part == part)
        #expect(error?.reason == reason)
        #expect(error?.frenchMessage == "Séquence de relance invalide (« \(part) »)\u{00A0}: \(reason).")
    }

    @Test func duplicateStepIsRefused() {
        let error = Self.failure(DunningSequence.parse("reminder1:3:email;reminder1:5:email"))
        #expect(error?.part == "reminder1:5:email")
        #expect(error?.reason == "étape en double")
        #expect(error?.frenchMessage == "Séquence de relance invalide (« reminder1:5:email »)\u{00A0}: étape en double.")
    }

    /// Decreasing delays are fine when each counts from the previous reminder.
    @Test func decreasingDelaysAreFineFromThePreviousReminder() throws {
        let sequence = try DunningSequence.parse("reminder1:15:email; reminder2:3:email", anchor: .previousReminder).get()
        #expect(sequence.steps.map(\.delay) == [15, 3])
        #expect(Self.failure(DunningSequence.parse("reminder1:15:email; reminder2:3:email", anchor: .dueDate)) != nil)
    }

    /// The step quoted in the message is the one the user wrote, without the space that follows
    /// the `;` separator, wherever it stands in the text.
    @Test(arguments: [
        ("reminder1:3:email; reminder9:5:email", "reminder9:5:email", "étape inconnue"),
        ("reminder1:3:email; reminder2:x:email", "reminder2:x:email", "délai en jours invalide"),
        ("reminder1:3:email; reminder2:15:pigeon", "reminder2:15:pigeon", "canal « pigeon » inconnu"),
        ("reminder1:3:email; reminder2:15", "reminder2:15", "il faut au moins un canal"),
        ("reminder1:3:email; reminder2:15:email:angry", "reminder2:15:email:angry", "ton « angry » inconnu (friendly, firm, formal)"),
        ("reminder1:3:email; reminder1:5:email", "reminder1:5:email", "étape en double"),
    ])
    func refusedStepIsQuotedTrimmed(text: String, part: String, reason: String) {
        let error = Self.failure(DunningSequence.parse(text))
        #expect(error?.reason == reason)
        #expect(error?.part == part)
        #expect(error?.frenchMessage == "Séquence de relance invalide (« \(part) »)\u{00A0}: \(reason).")
    }

    // MARK: Lookups

    @Test(arguments: [
        (DunningLevel?.none, DunningLevel?.some(.reminder1)),
        (.courtesy, .reminder1),
        (.reminder1, .reminder2),
        (.reminder2, .reminder3),
        (.reminder3, .formalNotice),
        (.formalNotice, .escalation),
        (.escalation, nil),
    ])
    func stepAfterInTheStandard(level: DunningLevel?, next: DunningLevel?) {
        #expect(DunningSequence.standard.step(after: level)?.level == next)
    }

    /// A sequence without some levels goes to the next one it has; courtesy is never "after".
    @Test func stepAfterSkipsLevelsTheSequenceLacks() throws {
        let sequence = try DunningSequence.parse("courtesy:-3:email; reminder1:5:email; formalNotice:30:registeredLetter").get()
        #expect(sequence.step(after: nil)?.level == .reminder1)
        #expect(sequence.step(after: .courtesy)?.level == .reminder1)
        #expect(sequence.step(after: .reminder1)?.level == .formalNotice)
        #expect(sequence.step(after: .reminder2)?.level == .formalNotice)
        #expect(sequence.step(after: .formalNotice) == nil)
        #expect(sequence.step(.reminder2) == nil)
        #expect(sequence.step(.formalNotice)?.delay == 30)

        let lateOnly = try DunningSequence.parse("reminder2:10:email+phone").get()
        #expect(lateOnly.step(after: nil)?.level == .reminder2)
        #expect(lateOnly.step(after: .reminder2) == nil)
    }

    @Test func levelsAreOrdered() {
        #expect(DunningLevel.allCases.map(\.rank) == Array(0..<6))
        #expect(DunningLevel.allCases == DunningLevel.allCases.sorted())
        #expect(DunningLevel.allCases.filter(\.mentionsPenalties) == [.reminder2, .reminder3, .formalNotice, .escalation])
    }
}
