import KoshiKit
import KoshiTestSupport

/// Makes fuzz inputs: a document of lines (bytes, not necessarily UTF-8), each line one of many
/// kinds, from random bytes to sentences built of the knowledge base's own words.
struct InputGenerator {
    let vocabulary: Vocabulary
    var random: SeededRandom

    /// Largest line made on purpose, a little over the 1 MB that koshi accepts.
    static let hugeLineBytes = InputSanitizer.maximumLineBytes + 100_000

    mutating func document() -> [UInt8] {
        var document: [UInt8] = []
        for index in 0..<(1 + random.length(upTo: 4)) {
            if index > 0 { document.append(0x0A) }
            document += line()
        }
        return document
    }

    mutating func line() -> [UInt8] {
        switch random.below(100) {
        case 0..<12: return randomBytes()
        case 12..<45: return Array(sentence().utf8)
        case 45..<60: return inject(Array(sentence().utf8))
        case 60..<72: return Array(random.pick(vocabulary.sentences).utf8)
        case 72..<80: return Array(Variants.apply(random.pick(vocabulary.sentences), &random).utf8)
        case 80..<92: return command()
        case 92..<99: return inject(command())
        default: return random.oneIn(8) ? hugeLine() : Array(sentence(words: 200 + random.below(2000)).utf8)
        }
    }

    mutating func randomBytes() -> [UInt8] {
        (0..<random.length(upTo: 9)).map { _ in
            random.oneIn(3) ? random.pick([0x00, 0x1B, 0x0D, 0x80, 0xE3, 0xFF, 0x2F, 0x20]) : UInt8(truncatingIfNeeded: random.next())
        }
    }

    /// Words, numbers and glue of the knowledge base in any order, some written another way.
    mutating func sentence(words: Int? = nil) -> String {
        var text = ""
        for _ in 0..<(words ?? (1 + random.length(upTo: 5))) {
            var word = random.oneIn(4) ? random.pick(Vocabulary.glue) : random.pick(vocabulary.words)
            if random.oneIn(4) { word = Variants.apply(word, &random) }
            text += word
            if random.oneIn(3) { text += random.pick([" ", "、", "。", ", ", ". "]) }
        }
        return text
    }

    mutating func command() -> [UInt8] {
        var line = random.pick(Vocabulary.commands)
        if random.oneIn(3) { line += " " + sentence() }
        if random.oneIn(5) { line = random.pick(["  ", "\t", " "]) + line }
        return Array(line.utf8)
    }

    /// Hostile bytes (controls, escape sequences, invalid UTF-8) dropped into a line.
    mutating func inject(_ line: [UInt8]) -> [UInt8] {
        var bytes = line
        for _ in 0..<(1 + random.below(4)) {
            let piece = random.pick(Vocabulary.hostile)
            bytes.insert(contentsOf: piece, at: random.below(bytes.count + 1))
        }
        return bytes
    }

    mutating func hugeLine() -> [UInt8] {
        let target = 64_000 + random.below(Self.hugeLineBytes - 64_000)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(target + 1000)
        while bytes.count < target { bytes += Array(sentence(words: 50).utf8) }
        return bytes
    }
}
