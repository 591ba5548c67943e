import KoshiTestSupport

/// Changes an earlier input a little, the way a fuzzer explores around what it has seen:
/// flipped bits, bytes put in or taken out, pieces copied from another input, lines swapped.
struct Mutator {
    var random: SeededRandom

    mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(4)) {
            switch random.below(7) {
            case 0 where !bytes.isEmpty:
                let at = random.below(bytes.count)
                bytes[at] ^= UInt8(1) << UInt8(random.below(8))
            case 1:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: random.below(bytes.count + 1))
            case 2 where !bytes.isEmpty:
                let from = random.below(bytes.count)
                bytes.removeSubrange(from..<min(bytes.count, from + 1 + random.below(16)))
            case 3 where !other.isEmpty:
                let from = random.below(other.count)
                let piece = other[from..<min(other.count, from + 1 + random.below(64))]
                bytes.insert(contentsOf: piece, at: random.below(bytes.count + 1))
            case 4:
                bytes.insert(contentsOf: random.pick(Vocabulary.hostile), at: random.below(bytes.count + 1))
            case 5 where !bytes.isEmpty:
                // Repeat a piece many times: long runs are where quadratic work hides.
                let from = random.below(bytes.count)
                let piece = Array(bytes[from..<min(bytes.count, from + 1 + random.below(8))])
                for _ in 0..<(1 + random.length(upTo: 10)) { bytes.insert(contentsOf: piece, at: from) }
            default:
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                if lines.count > 1 { lines.swapAt(random.below(lines.count), random.below(lines.count)) }
                bytes = Array(lines.joined(separator: [0x0A]))
            }
        }
        return bytes
    }
}
