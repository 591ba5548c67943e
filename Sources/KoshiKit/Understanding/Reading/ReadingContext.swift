/// What the reader needs besides the line: the question it may answer, whether the person
/// writes for someone else, the day it is, and what earlier lines stated.
public struct ReadingContext: Sendable {
    /// What the question just asked asks about, in its order (empty when none was asked).
    public var asked: [Topic]
    /// The session knows that the person writes for someone else (a carer), who is the patient:
    /// "he's 78" is the patient's age, and "I'm worried" the carer's worry.
    public var patientIsSomeoneElse: Bool
    /// Today's date, for onsets named by a weekday ("done my back in Monday"); nil when unknown,
    /// and a weekday then gives no duration.
    public var today: CivilDate?
    /// Findings earlier lines stated: a part of a combination said before (a sudden onset)
    /// completes it with the part this line says (tummy pain), as if said together.
    public var presentBefore: Set<ConceptID>

    public init(asked: [Topic] = [], patientIsSomeoneElse: Bool = false, today: CivilDate? = nil, presentBefore: Set<ConceptID> = []) {
        self.asked = asked
        self.patientIsSomeoneElse = patientIsSomeoneElse
        self.today = today
        self.presentBefore = presentBefore
    }

    var askedConcepts: Set<ConceptID> { Set(asked.compactMap(\.concept)) }
    var askedConceptList: [ConceptID] { asked.compactMap(\.concept) }
}
