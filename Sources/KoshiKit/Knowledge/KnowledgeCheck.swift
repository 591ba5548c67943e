/// `koshi kb check`: every problem of a knowledge base, each pointing at its file and line.
/// Loading finds the structural ones (syntax, unknown references, missing texts); the checks
/// here find the rest: a missing canonical concept, a concept nobody can mention, a synonym
/// claimed twice, a question that can never be asked, a summary row naming what is no finding,
/// and examples the matcher does not prove.
public enum KnowledgeCheck {
    /// Every problem of the knowledge base in `files`, checked against the canonical concept list.
    public static func run(_ files: [KnowledgeFile], canonical: [CanonicalConcepts.Entry]) -> [KnowledgeProblem] {
        switch load(files, canonical: canonical) {
        case .success: []
        case .failure(let error): error.problems
        }
    }

    /// The knowledge in `files` if `kb check` finds nothing wrong with it, or every problem,
    /// sorted: what `--knowledge` loads, so that no session starts on a base that loads but
    /// lacks its red flags, its questions or its rules. All of it, the example sentences too:
    /// for a copy of the shipped base, loading the folder takes 42 ms, the other checks 8 ms
    /// more and the examples another 8 (release build, best of 40), which a person never notices.
    public static func load(_ files: [KnowledgeFile], canonical: [CanonicalConcepts.Entry]) -> Result<Knowledge, KnowledgeLoadError> {
        let knowledge: Knowledge
        do {
            knowledge = try Knowledge(files: files)
        } catch {
            return .failure(KnowledgeLoadError(problems: sorted(placed(error.problems, files: files))))
        }
        var problems: [KnowledgeProblem] = []
        problems += missingCanonicalConcepts(knowledge, files: files, canonical: canonical)
        problems += unmentionableConcepts(knowledge)
        problems += claimedTwice(knowledge)
        problems += unaskableQuestions(knowledge)
        problems += unaskedRedFlags(knowledge)
        problems += adviceNeverGiven(knowledge)
        problems += summaryRowProblems(knowledge, canonical: Set(canonical.map(\.id)))
        problems += unprovenExamples(knowledge)
        return problems.isEmpty ? .success(knowledge) : .failure(KnowledgeLoadError(problems: sorted(problems)))
    }

    static func sorted(_ problems: [KnowledgeProblem]) -> [KnowledgeProblem] {
        problems.sorted { ($0.file, $0.line, $0.message) < ($1.file, $1.line, $1.message) }
    }

    /// The missing `[knowledge]` record is reported against the file that should hold it,
    /// `manifest.kb` (or "(knowledge)" when there is none), not against whichever file the
    /// loader read first.
    static func placed(_ problems: [KnowledgeProblem], files: [KnowledgeFile]) -> [KnowledgeProblem] {
        let manifest = files.first { $0.name == "manifest.kb" || $0.name.hasSuffix("/manifest.kb") }?.name ?? "(knowledge)"
        return problems.map { problem in
            guard problem.message.hasPrefix("the knowledge base has no '[knowledge]' record") else { return problem }
            return KnowledgeProblem(file: manifest, line: 1, message: problem.message)
        }
    }

    /// Every row of the canonical list (eval/concepts.tsv) must be defined, with its group; a
    /// value row must be a value slot koshi reads.
    static func missingCanonicalConcepts(_ knowledge: Knowledge, files: [KnowledgeFile],
                                         canonical: [CanonicalConcepts.Entry]) -> [KnowledgeProblem] {
        let file = files.first { $0.name.hasSuffix("concepts.kb") }?.name ?? files.first?.name ?? "(knowledge)"
        let near = knowledge.concepts.map(\.id.rawValue)
        return canonical.compactMap { entry in
            if entry.group == "value" {
                guard ValueSlot(rawValue: entry.id) == nil else { return nil }
                return KnowledgeProblem(file: file, line: 1, message: "canonical value '\(entry.id)' is not a value slot koshi reads")
            }
            guard let concept = knowledge.concept(ConceptID(entry.id)) else {
                return KnowledgeProblem(file: file, line: 1, message: "canonical concept '\(entry.id)' is missing" + suggestion(entry.id, near))
            }
            guard concept.group.rawValue != entry.group else { return nil }
            return KnowledgeProblem(file: concept.file, line: concept.line,
                                    message: "canonical concept '\(entry.id)' must be in group '\(entry.group)', not '\(concept.group.rawValue)'")
        }
    }

    static func unmentionableConcepts(_ knowledge: Knowledge) -> [KnowledgeProblem] {
        knowledge.concepts.filter { $0.synonyms.isEmpty && $0.combinations.isEmpty && $0.absentSynonyms.isEmpty }.map { concept in
            KnowledgeProblem(file: concept.file, line: concept.line,
                             message: "concept '\(concept.id)' has no synonym in either language")
        }
    }

    /// The same folded word for two meanings: only one of them could ever be found.
    static func claimedTwice(_ knowledge: Knowledge) -> [KnowledgeProblem] {
        var owners: [[UInt32]: (meaning: TermMeaning, synonym: Synonym, owner: String)] = [:]
        var problems: [KnowledgeProblem] = []
        for term in knowledge.lexicon.terms {
            // A word that counts only after given kana may share its letters with one that counts elsewhere.
            guard let synonym = term.synonym, term.after.isEmpty else { continue }
            let key = Normalizer.key(synonym.text) + (synonym.isStem ? [0x2A] : [])
            let owner: String = switch term.meaning {
            case .concept(let id, _): "concept '\(id)'"
            case .cue(let role): "cue role '\(role.rawValue)'"
            case .intent(let id): "intent '\(id)'"
            }
            if let first = owners[key] {
                let sameOwner = first.owner == owner
                let same = first.synonym.text == synonym.text ? "'\(synonym.text)'"
                    : "'\(synonym.text)' (the same as '\(first.synonym.text)' once folded)"
                problems.append(KnowledgeProblem(
                    file: synonym.file, line: synonym.line,
                    message: sameOwner
                        ? "\(same) is listed twice for \(owner) (first at \(first.synonym.file):\(first.synonym.line))"
                        : "synonym \(same) is claimed by \(first.owner) (\(first.synonym.file):\(first.synonym.line)) and by \(owner)"))
            } else {
                owners[key] = (term.meaning, synonym, owner)
            }
        }
        return problems
    }

    /// A question is asked only when one of its topics can change the triage (or it tailors the
    /// plan, at the context stage), and only if no earlier question asks exactly the same.
    static func unaskableQuestions(_ knowledge: Knowledge) -> [KnowledgeProblem] {
        let policy = TriagePolicy(knowledge: knowledge)
        var useful = policy.topicsThatCouldRaise(above: nil)
        for rule in knowledge.rules { useful.formUnion(policy.requiredTopics(rule.id, knowledge: knowledge)) }
        var problems: [KnowledgeProblem] = []
        var seen: [Set<Topic>: Question] = [:]
        for question in knowledge.questions {
            let topics = Set(question.asks)
            if let earlier = seen[topics] {
                problems.append(KnowledgeProblem(file: question.file, line: question.line,
                                                 message: "question '\(question.id)' can never be asked: '\(earlier.id)' asks the same"))
            } else if question.stage != .context, topics.isDisjoint(with: useful),
                      // A question asking part of another's topics puts them again in other words.
                      !knowledge.questions.contains(where: { $0.id != question.id && topics.isStrictSubset(of: Set($0.asks)) }) {
                problems.append(KnowledgeProblem(file: question.file, line: question.line,
                                                 message: "question '\(question.id)' can never be asked: no rule depends on what it asks"))
            }
            if seen[topics] == nil { seen[topics] = question }
        }
        return problems
    }

    static func unaskedRedFlags(_ knowledge: Knowledge) -> [KnowledgeProblem] {
        let asked = Set(knowledge.questions.flatMap(\.asks))
        var problems = knowledge.concepts.filter { $0.group == .redFlag && !asked.contains(.concept($0.id)) }.map { concept in
            KnowledgeProblem(file: concept.file, line: concept.line, message: "red flag '\(concept.id)' is never asked about by any question")
        }
        for slot in [ValueSlot.age, .duration] where !asked.contains(.slot(slot)) {
            let file = knowledge.questions.first?.file ?? "(knowledge)"
            problems.append(KnowledgeProblem(file: file, line: 1, message: "no question asks for '\(slot.rawValue)'"))
        }
        return problems
    }

    static func adviceNeverGiven(_ knowledge: Knowledge) -> [KnowledgeProblem] {
        knowledge.advice.filter { $0.dispositions.isEmpty }.map { item in
            KnowledgeProblem(file: item.file, line: item.line, message: "advice '\(item.id)' is for no disposition: give 'for'")
        } + knowledge.advice.filter { $0.dispositions.contains(.emergency) }.map { item in
            KnowledgeProblem(file: item.file, line: item.line, message: "advice '\(item.id)' is for emergencies, which get no self-care plan")
        }
    }

    /// Every example sentence must read as its concept says: present, absent, or not present.
    static func unprovenExamples(_ knowledge: Knowledge) -> [KnowledgeProblem] {
        var problems: [KnowledgeProblem] = []
        for concept in knowledge.concepts {
            for example in concept.examples {
                let findings = knowledge.reader.read(example.sentence).findings
                let status = findings.first { $0.concept == concept.id }?.status
                let expected: String
                switch example.expectation {
                case .present where status != .present: expected = "present"
                case .absent where status != .absent: expected = "absent"
                case .notPresent where status == .present: expected = "not present"
                default: continue
                }
                let got = findings.filter { knowledge.concept($0.concept)?.group.isRecorded ?? false }
                    .map { "\($0.concept)=\($0.status.rawValue)" }.joined(separator: ", ")
                problems.append(KnowledgeProblem(file: concept.file, line: example.line,
                                                 message: "'\(example.sentence)' should make '\(concept.id)' \(expected); read: \(got.isEmpty ? "nothing" : got)"))
            }
        }
        return problems
    }
}

extension KnowledgeCheck {
    /// The problems of a folder that holds no knowledge file at all: one `DIR/NAME: missing` for
    /// each file koshi needs (`needed`, the built-in base's files). Only for such a folder: in a
    /// base that has files, which file a record lives in is only for people, and what is missing
    /// is reported record by record.
    public static func missingFiles(in folder: String, needed: [String]) -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return needed.sorted().map { "\(prefix)\($0): missing" }
    }
}
