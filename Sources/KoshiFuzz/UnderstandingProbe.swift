import KoshiKit
import KoshiTestSupport

/// Checks the understanding pipeline on one line, stage by stage: folding keeps a map back to
/// the original in bounds, matches lie inside the text and spell their pattern, values are in
/// range, every piece of evidence is a piece of the line, and the lexicon koshi ships (read from
/// the build's snapshot) reads the line exactly as the one compiled from the files.
struct UnderstandingProbe {
    /// The knowledge compiled from its files, every term with its synonym.
    let knowledge: Knowledge
    /// The knowledge as koshi runs it, its lexicon from the snapshot.
    let shipped: Knowledge
    /// The folded form of each lexicon term, by term index.
    let keys: [[UInt32]]
    /// How much slower than a release build this one may be (see SessionProbe).
    let slowness: Double

    init(knowledge: Knowledge, shipped: Knowledge, slowness: Double) {
        self.knowledge = knowledge
        self.shipped = shipped
        self.slowness = slowness
        keys = knowledge.lexicon.terms.map { Normalizer.key($0.synonym?.text ?? "") }
    }

    /// Evidence can be searched for in the line only when the line maps back byte for byte.
    static let substringCheckLimit = 4_000

    func check(_ bytes: [UInt8], asked: [Topic], _ v: inout Violations) {
        let text = String(decoding: bytes, as: UTF8.self)
        let isClean = String(validating: bytes, as: UTF8.self) != nil && !text.unicodeScalars.contains("\u{FFFD}")
        let searchable = isClean && bytes.count <= Self.substringCheckLimit
        let start = Monotonic.now()
        let folded = Normalizer.normalize(text)
        checkFolding(folded, text: text, isClean: isClean, searchable: searchable, &v)
        checkMatches(folded, &v)
        checkQuantities(folded, &v)
        let reading = knowledge.reader.read(text, asked: asked)
        checkReading(reading, text: text, searchable: searchable, &v)
        // Timed here as well as in the session: corrections are cached, so a second reading is cheap.
        let seconds = Monotonic.now() - start, allowed = 3 * SessionProbe.allowedSeconds(bytes.count, slowness: slowness)
        v.expect(seconds < allowed, "slow-reading",
                 "reading a line of \(bytes.count) bytes took \(Int(seconds * 1e3)) ms (allowed \(Int(allowed * 1e3)) ms)")
        checkSnapshot(reading, shipped.reader.read(text, asked: asked), &v)
    }

    /// The snapshot must be the same lexicon: the same findings, values and answer, word for word.
    private func checkSnapshot(_ compiled: LineReading, _ snapshot: LineReading, _ v: inout Violations) {
        v.expect(compiled.findings == snapshot.findings, "snapshot-findings",
                 "compiled \(compiled.findings.map(\.concept)), snapshot \(snapshot.findings.map(\.concept))")
        v.expect(compiled.values == snapshot.values && compiled.answer == snapshot.answer, "snapshot-values",
                 "compiled \(compiled.values) \(String(describing: compiled.answer)), snapshot \(snapshot.values) \(String(describing: snapshot.answer))")
    }

    private func checkFolding(_ folded: NormalizedText, text: String, isClean: Bool, searchable: Bool, _ v: inout Violations) {
        v.expect(folded.original == Array(text.utf8), "normalizer-original", "the original bytes were not kept")
        for (index, scalar) in folded.scalars.enumerated() {
            guard let value = Unicode.Scalar(scalar) else {
                v.expect(false, "normalizer-scalar", "folded value \(scalar) at \(index) is not a Unicode scalar")
                return
            }
            v.expect(!value.properties.generalCategory.isControl, "normalizer-control",
                     "folded text keeps control U+\(String(scalar, radix: 16))")
        }
        for index in Self.sample(folded.count) {
            let piece = folded.originalText(index..<(index + 1))
            v.expect(!piece.isEmpty, "normalizer-map", "folded scalar \(index) maps to no original text")
            if isClean {
                v.expect(!piece.unicodeScalars.contains("\u{FFFD}"), "normalizer-map",
                         "folded scalar \(index) maps into the middle of a character: \(shown(piece))")
            }
            if searchable { v.expect(text.holds(piece), "normalizer-map", "folded scalar \(index) maps to \(shown(piece)), not in the line") }
        }
        if searchable, folded.count > 0 {
            let whole = folded.originalText(0..<folded.count)
            v.expect(text.holds(whole), "normalizer-map", "the whole folded line maps to \(shown(whole)), not in the line")
        }
    }

    private func checkMatches(_ folded: NormalizedText, _ v: inout Violations) {
        let (corrected, matches) = knowledge.lexicon.find(in: folded)
        v.expect(corrected.original == folded.original, "lexicon-original", "spelling correction changed the original")
        var coveredTo = 0
        for match in matches {
            let range = match.range
            guard range.lowerBound >= coveredTo, range.lowerBound < range.upperBound, range.upperBound <= corrected.count,
                  match.pattern >= 0, match.pattern < keys.count else {
                v.expect(false, "lexicon-range", "match \(match) overlaps, is empty or is out of 0..<\(corrected.count)")
                return
            }
            v.expect(Array(corrected.scalars[range]) == keys[match.pattern], "lexicon-spelling",
                     "match at \(range) does not spell '\(knowledge.lexicon.terms[match.pattern].synonym?.text ?? "?")'")
            v.expect(!corrected.originalText(range).isEmpty, "lexicon-map", "match at \(range) maps to no original text")
            coveredTo = range.upperBound
        }
    }

    private func checkQuantities(_ folded: NormalizedText, _ v: inout Violations) {
        for mention in Quantities.read(folded.scalars, lexicon: knowledge.lexicon) {
            v.expect(mention.range.lowerBound >= 0 && mention.range.upperBound <= folded.count && !mention.range.isEmpty,
                     "quantities-range", "\(mention) is out of 0..<\(folded.count)")
            v.expect(mention.value >= 0, "quantities-value", "negative value in \(mention)")
        }
    }

    private func checkReading(_ reading: LineReading, text: String, searchable: Bool, _ v: inout Violations) {
        for finding in reading.findings {
            v.expect(knowledge.concept(finding.concept) != nil, "reader-concept", "unknown concept '\(finding.concept)'")
            if searchable { v.expect(text.holds(finding.evidence), "reader-evidence", "evidence \(shown(finding.evidence)) is not in the line") }
        }
        for (slot, value) in reading.values {
            if let number = value.value {
                let allowed: ClosedRange<Int> = switch slot {
                case .age: 1...120
                case .painIntensity: 0...10
                case .duration: 0...Int.max
                }
                v.expect(allowed.contains(number), "reader-value", "\(slot.rawValue) = \(number) is out of \(allowed)")
            }
            if searchable { v.expect(text.holds(value.evidence), "reader-evidence", "evidence \(shown(value.evidence)) is not in the line") }
        }
    }

    /// Every index of a short text, and an even spread of a long one.
    static func sample(_ count: Int) -> StrideTo<Int> {
        stride(from: 0, to: count, by: max(1, count / 512))
    }
}

extension Unicode.GeneralCategory {
    var isControl: Bool { self == .control }
}

extension String {
    /// Whether `piece` occurs in this text byte for byte. `contains` compares whole characters,
    /// so it would not find "/" in "/\u{610}", where a combining mark joins the slash.
    func holds(_ piece: String) -> Bool {
        piece.isEmpty || Array(utf8).firstRange(of: Array(piece.utf8)) != nil
    }
}
