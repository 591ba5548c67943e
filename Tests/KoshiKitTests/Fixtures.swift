import KoshiKit
import KoshiKnowledge

/// The shipped knowledge, loaded once for all tests.
let knowledge: Knowledge = {
    do {
        return try BuiltInKnowledge.load()
    } catch {
        fatalError("the built-in knowledge does not load: \(error)")
    }
}()

/// What a line says, as "concept" for present and "-concept" for absent, "?concept" for unknown.
func read(_ line: String, asked: [Topic] = []) -> Set<String> {
    Set(knowledge.reader.read(line, asked: asked).findings.map { finding in
        switch finding.status {
        case .present: finding.concept.rawValue
        case .absent: "-" + finding.concept.rawValue
        case .unknown: "?" + finding.concept.rawValue
        }
    }.filter { !$0.isEmpty })
}

/// Only the reported concepts of `read`.
func reported(_ line: String, asked: [Topic] = []) -> Set<String> {
    read(line, asked: asked).filter { id in
        let bare = id.trimmingPrefix(while: { $0 == "-" || $0 == "?" })
        return knowledge.concept(ConceptID(String(bare)))?.group.isReported ?? false
    }
}

extension String {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self[(firstIndex { !predicate($0) } ?? endIndex)...]
    }
}
