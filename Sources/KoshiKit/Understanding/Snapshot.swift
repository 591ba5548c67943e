/// The automaton's tables, as stored in a snapshot.
struct AutomatonSnapshot {
    var symbols: [(scalar: UInt32, symbol: UInt16)]
    var rootNext: [Int32]
    var firstEdge: [Int32]
    var edgeSymbols: [UInt16]
    var edgeTargets: [Int32]
    var failure: [Int32]
    var output: [Int32]
    var outputLink: [Int32]
    var patternLengths: [Int32]
}

/// The compiled lexicon as bytes. The build writes it beside the embedded knowledge, so that
/// start-up reads tables instead of folding thousands of synonyms and building the automaton:
/// that work is most of what start-up would otherwise cost.
public enum LexiconSnapshot {
    static let magic: [UInt8] = Array("KOSHI-LEXICON-5".utf8)

    /// The lexicon as bytes, to be embedded.
    public static func encode(_ lexicon: Lexicon) -> [UInt8] {
        var out = ByteWriter()
        out.bytes(magic)
        var conceptIDs: [String] = []
        var conceptIndex: [ConceptID: Int] = [:]
        out.int(lexicon.terms.count)
        for term in lexicon.terms {
            switch term.meaning {
            case .concept(let id, let absent):
                if conceptIndex[id] == nil {
                    conceptIndex[id] = conceptIDs.count
                    conceptIDs.append(id.rawValue)
                }
                out.byte(absent ? 1 : 0)
                out.int(conceptIndex[id]!)
            case .cue(let role):
                out.byte(2)
                out.int(CueRole.allCases.firstIndex(of: role)!)
            case .intent(let id):
                if conceptIndex[ConceptID(id)] == nil {
                    conceptIndex[ConceptID(id)] = conceptIDs.count
                    conceptIDs.append(id)
                }
                out.byte(3)
                out.int(conceptIndex[ConceptID(id)]!)
            }
            out.byte(term.language == nil ? 0 : term.language == .ja ? 1 : 2)
            out.byte((term.needsLeftBoundary ? 1 : 0) | (term.needsRightBoundary ? 2 : 0))
            out.int(term.after.count)
            for scalar in term.after { out.int(Int(scalar)) }
            out.int((term.otherwise ?? -1) + 1)
        }
        out.strings(conceptIDs)
        out.keys(lexicon.speller.vocabularyKeys)
        out.keys(lexicon.speller.realWordKeys)
        let cueWords = lexicon.cueWords.all
        out.int(cueWords.count)
        for (role, entries) in cueWords {
            out.strings([role.rawValue] + entries.map { "\($0.value)\t" + $0.key.folded })
        }
        out.int(lexicon.temperature.map { $0.firstTerm + 1 } ?? 0)
        out.strings([lexicon.temperature.map { String($0.threshold) } ?? ""])
        let automaton = lexicon.automaton.snapshot
        out.int(automaton.symbols.count)
        for (scalar, symbol) in automaton.symbols {
            out.int(Int(scalar))
            out.int(Int(symbol))
        }
        for table in [automaton.rootNext, automaton.firstEdge, automaton.edgeTargets, automaton.failure,
                      automaton.output, automaton.outputLink, automaton.patternLengths] {
            out.int32s(table)
        }
        out.int32s(automaton.edgeSymbols.map { Int32($0) })
        return out.data
    }

    /// The lexicon read back, or nil when the bytes are not a snapshot of this version.
    public static func decode(_ bytes: [UInt8]) -> Lexicon? {
        var reader = ByteReader(bytes)
        guard reader.bytes(magic.count) == magic else { return nil }
        guard let termCount = reader.int() else { return nil }
        var raw: [(kind: UInt8, index: Int, language: UInt8, boundaries: UInt8, after: [UInt32], otherwise: Int?)] = []
        raw.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let kind = reader.byte(), let index = reader.int(), let language = reader.byte(),
                  let boundaries = reader.byte(), let afterCount = reader.int(), afterCount >= 0 else { return nil }
            var after: [UInt32] = []
            for _ in 0..<afterCount {
                guard let scalar = reader.int() else { return nil }
                after.append(UInt32(truncatingIfNeeded: scalar))
            }
            guard let otherwise = reader.int(), otherwise >= 0, otherwise <= termCount else { return nil }
            raw.append((kind, index, language, boundaries, after, otherwise == 0 ? nil : otherwise - 1))
        }
        guard let conceptIDs = reader.strings(), let vocabulary = reader.keyList(), let realWords = reader.keyList(),
              let roleCount = reader.int() else { return nil }
        var cueWords = CueWords()
        for _ in 0..<roleCount {
            guard let list = reader.strings(), let role = list.first.flatMap(CueRole.init(rawValue:)) else { return nil }
            for line in list.dropFirst() {
                let parts = line.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2, let value = Double(parts[0]) else { return nil }
                cueWords.add(WordList.Entry(key: parts[1].unicodeScalars.map(\.value), value: value), role: role)
            }
        }
        cueWords.combine()
        guard let temperatureTerm = reader.int(), let threshold = reader.strings(), threshold.count == 1 else { return nil }
        let temperature = temperatureTerm == 0 ? nil : Double(threshold[0]).map { TemperatureTerms(threshold: $0, firstTerm: temperatureTerm - 1) }
        guard let symbolCount = reader.int() else { return nil }
        var terms: [Term] = []
        terms.reserveCapacity(termCount)
        for entry in raw {
            let meaning: TermMeaning
            if entry.kind == 2 {
                guard entry.index < CueRole.allCases.count else { return nil }
                meaning = .cue(CueRole.allCases[entry.index])
            } else if entry.kind == 3 {
                guard entry.index < conceptIDs.count else { return nil }
                meaning = .intent(conceptIDs[entry.index])
            } else {
                guard entry.index < conceptIDs.count else { return nil }
                meaning = .concept(ConceptID(conceptIDs[entry.index]), absent: entry.kind == 1)
            }
            terms.append(Term(meaning: meaning, language: entry.language == 0 ? nil : entry.language == 1 ? .ja : .en,
                              needsLeftBoundary: entry.boundaries & 1 != 0, needsRightBoundary: entry.boundaries & 2 != 0,
                              synonym: nil, after: entry.after, otherwise: entry.otherwise))
        }
        var symbols: [(scalar: UInt32, symbol: UInt16)] = []
        symbols.reserveCapacity(symbolCount)
        for _ in 0..<symbolCount {
            guard let scalar = reader.int(), let symbol = reader.int() else { return nil }
            symbols.append((UInt32(scalar), UInt16(symbol)))
        }
        var tables: [[Int32]] = []
        for _ in 0..<8 {
            guard let table = reader.int32s() else { return nil }
            tables.append(table)
        }
        let automaton = Automaton(snapshot: AutomatonSnapshot(
            symbols: symbols, rootNext: tables[0], firstEdge: tables[1], edgeSymbols: tables[7].map { UInt16($0) },
            edgeTargets: tables[2], failure: tables[3], output: tables[4], outputLink: tables[5], patternLengths: tables[6]))
        return Lexicon(terms: terms, automaton: automaton, speller: SpellingCorrector(vocabulary: vocabulary, realWords: realWords),
                       cueWords: cueWords, temperature: temperature)
    }

    /// Bytes as hexadecimal text, the form a Swift string literal can hold.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func bytes(fromHex text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { utf8 -> [UInt8]? in
            guard utf8.count % 2 == 0 else { return nil }
            // A table instead of branches, and no bounds checks: this runs over the whole
            // snapshot at every start-up.
            var table = [UInt8](repeating: 0xFF, count: 256)
            for (i, c) in "0123456789abcdef".utf8.enumerated() { table[Int(c)] = UInt8(i) }
            let count = utf8.count / 2
            var invalid: UInt8 = 0
            let out = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                table.withUnsafeBufferPointer { table in
                    var source = utf8.baseAddress!
                    for i in 0..<count {
                        let high = table[Int(source[0])], low = table[Int(source[1])]
                        invalid |= high | low
                        buffer[i] = high << 4 | low
                        source += 2
                    }
                }
                initialized = count
            }
            return invalid & 0xF0 == 0 ? out : nil
        }
    }
}

/// Writes numbers and strings as little-endian bytes.
struct ByteWriter {
    var data: [UInt8] = []

    mutating func byte(_ value: UInt8) { data.append(value) }
    mutating func bytes(_ values: [UInt8]) { data += values }

    /// A variable-length unsigned number (7 bits a byte).
    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        repeat {
            let low = UInt8(rest & 0x7F)
            rest >>= 7
            data.append(rest == 0 ? low : low | 0x80)
        } while rest != 0
    }

    mutating func int32s(_ values: [Int32]) {
        int(values.count)
        for value in values {
            withUnsafeBytes(of: value.littleEndian) { data += $0 }
        }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values {
            int(value.utf8.count)
            data += value.utf8
        }
    }

    /// Folded keys as one newline-separated text, which the speller splits only if it is ever needed.
    mutating func keys(_ values: KeyList) {
        let text = values.keys.map { key in String(String.UnicodeScalarView(key.compactMap(Unicode.Scalar.init))) }
            .joined(separator: "\n")
        strings([text])
    }
}

/// Reads what `ByteWriter` wrote; every read is nil past the end.
struct ByteReader {
    let data: [UInt8]
    var position = 0

    init(_ data: [UInt8]) { self.data = data }

    mutating func byte() -> UInt8? {
        guard position < data.count else { return nil }
        defer { position += 1 }
        return data[position]
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, position + count <= data.count else { return nil }
        defer { position += count }
        return Array(data[position..<position + count])
    }

    mutating func int() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = byte() {
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return Int(Int64(bitPattern: value)) }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    mutating func int32s() -> [Int32]? {
        guard let count = int(), count >= 0, position + count * 4 <= data.count else { return nil }
        var values = [Int32](repeating: 0, count: count)
        values.withUnsafeMutableBytes { target in
            data.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + count * 4]))
            }
        }
        position += count * 4
        return values.map { Int32(littleEndian: $0) }
    }

    mutating func strings() -> [String]? {
        guard let count = int(), count >= 0 else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = int(), let bytes = bytes(length) else { return nil }
            values.append(String(decoding: bytes, as: UTF8.self))
        }
        return values
    }

    mutating func keyList() -> KeyList? {
        guard let texts = strings(), texts.count == 1 else { return nil }
        return KeyList(joined: texts[0])
    }
}

/// A list of folded keys, kept as one newline-separated text until someone needs the keys.
struct KeyList: Sendable {
    private let joined: String?
    private let list: [[UInt32]]?

    init(_ keys: [[UInt32]]) {
        list = keys
        joined = nil
    }

    init(joined: String) {
        self.joined = joined
        list = nil
    }

    var keys: [[UInt32]] {
        if let list { return list }
        // Byte by byte where the text is ASCII (thousands of English words); by scalar otherwise.
        if joined!.utf8.allSatisfy({ $0 < 0x80 }) {
            return joined!.utf8.split(separator: 0x0A).map { $0.map { UInt32($0) } }
        }
        return joined!.unicodeScalars.split(separator: "\n").map { $0.map(\.value) }
    }
}
