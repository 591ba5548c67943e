/// Builds an `Automaton`'s tables in steps: the trie of the patterns, its edges compressed (the
/// root's dense, every other node's a sorted run), then the failure links, breadth first.
struct AutomatonBuilder {
    /// Scalar → symbol; symbols are numbered from 1 in the order scalars are first seen.
    private var symbols: [UInt32: UInt16] = [:]
    private var nodeCount = 1
    private var output: [Int32] = [-1]
    private var edges: [(parent: Int32, symbol: UInt16, child: Int32)] = []
    private var rootNext: [Int32] = []
    private var firstEdge: [Int32] = []
    private var edgeSymbols: [UInt16] = []
    private var edgeTargets: [Int32] = []
    private var failure: [Int32] = []
    private var outputLink: [Int32] = []

    private mutating func symbol(for scalar: UInt32) -> UInt16 {
        if let known = symbols[scalar] { return known }
        let next = UInt16(symbols.count + 1)
        symbols[scalar] = next
        return next
    }

    /// The trie, with children in one table keyed by (node, symbol); a node ends the first
    /// pattern that reaches it.
    mutating func addTrie(of patterns: [[UInt32]]) {
        var children: [Int: Int32] = [:]
        children.reserveCapacity(patterns.reduce(0) { $0 + $1.count })
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var node = 0
            for scalar in pattern {
                let s = symbol(for: scalar)
                let key = node << 16 | Int(s)
                if let child = children[key] {
                    node = Int(child)
                } else {
                    children[key] = Int32(nodeCount)
                    edges.append((Int32(node), s, Int32(nodeCount)))
                    output.append(-1)
                    node = nodeCount
                    nodeCount += 1
                }
            }
            if output[node] < 0 { output[node] = Int32(index) }
        }
    }

    /// The root's edges as a dense table, every other node's as a run sorted by symbol, so that
    /// lookups can stop early.
    mutating func compressEdges() {
        rootNext = [Int32](repeating: 0, count: symbols.count + 1)
        firstEdge = [Int32](repeating: 0, count: nodeCount + 1)
        for edge in edges {
            if edge.parent == 0 { rootNext[Int(edge.symbol)] = edge.child } else { firstEdge[Int(edge.parent) + 1] += 1 }
        }
        for n in 0..<nodeCount { firstEdge[n + 1] += firstEdge[n] }
        edgeSymbols = [UInt16](repeating: 0, count: Int(firstEdge[nodeCount]))
        edgeTargets = [Int32](repeating: 0, count: Int(firstEdge[nodeCount]))
        var fill = firstEdge
        for edge in edges.sorted(by: { ($0.parent, $0.symbol) < ($1.parent, $1.symbol) }) where edge.parent != 0 {
            let at = Int(fill[Int(edge.parent)])
            edgeSymbols[at] = edge.symbol
            edgeTargets[at] = edge.child
            fill[Int(edge.parent)] += 1
        }
    }

    private func next(_ node: Int32, _ s: UInt16) -> Int32? {
        if node == 0 { return rootNext[Int(s)] }
        var lo = Int(firstEdge[Int(node)]), hi = Int(firstEdge[Int(node) + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            if edgeSymbols[mid] < s { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(firstEdge[Int(node) + 1]) && edgeSymbols[lo] == s ? edgeTargets[lo] : nil
    }

    /// Failure links and output links, breadth first from the root's children.
    mutating func linkFailures() {
        failure = [Int32](repeating: 0, count: nodeCount)
        outputLink = [Int32](repeating: -1, count: nodeCount)
        var queue: [Int32] = []
        queue.reserveCapacity(nodeCount)
        for s in 1..<rootNext.count where rootNext[s] != 0 { queue.append(rootNext[s]) }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let f = failure[Int(node)]
            outputLink[Int(node)] = output[Int(f)] >= 0 ? f : outputLink[Int(f)]
            for e in Int(firstEdge[Int(node)])..<Int(firstEdge[Int(node) + 1]) {
                failure[Int(edgeTargets[e])] = failureTarget(from: f, edgeSymbols[e], child: edgeTargets[e])
                queue.append(edgeTargets[e])
            }
        }
    }

    /// The longest proper suffix of a child's path that is also a path from the root.
    private func failureTarget(from f: Int32, _ s: UInt16, child: Int32) -> Int32 {
        var g = f
        while true {
            if let target = next(g, s), target != child, !(g == 0 && target == 0) { return target }
            if g == 0 { return 0 }
            g = failure[Int(g)]
        }
    }

    func snapshot(patternLengths: [Int32]) -> AutomatonSnapshot {
        AutomatonSnapshot(symbols: symbols.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }, rootNext: rootNext, firstEdge: firstEdge,
                          edgeSymbols: edgeSymbols, edgeTargets: edgeTargets, failure: failure, output: output,
                          outputLink: outputLink, patternLengths: patternLengths)
    }
}
