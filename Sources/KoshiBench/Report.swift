import Foundation

/// One line of the readable report: what was measured, the figure, and the target it is held to.
struct ReportRow {
    var name: String
    var value: String
    var target: String = ""
    /// Whether the target was met; nil where there is no target.
    var met: Bool? = nil
}

/// What one benchmark found: rows for people and a JSON object for programs.
struct BenchmarkResult {
    var title: String
    var key: String
    var rows: [ReportRow]
    var json: [String: Any]
}

/// The whole report: the machine, then each benchmark's rows.
struct Report {
    var machine: Machine
    var results: [BenchmarkResult]

    var table: String {
        var lines = ["koshi-bench on \(machine.summary)", ""]
        let nameWidth = max(24, results.flatMap(\.rows).map { $0.name.count }.max() ?? 0)
        // Only rows with a target need their value padded, to line the targets up.
        let valueWidth = max(12, results.flatMap(\.rows).filter { !$0.target.isEmpty }.map { $0.value.count }.max() ?? 0)
        for result in results {
            lines.append(result.title)
            for row in result.rows {
                var line = "  " + row.name.padding(nameWidth) + "  " + row.value
                if !row.target.isEmpty {
                    line = line.padding(nameWidth + valueWidth + 4)
                        + "  target " + row.target.padding(10) + "  " + (row.met == true ? "met" : "MISSED")
                }
                lines.append(line)
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    var json: String {
        var object: [String: Any] = ["machine": machine.json]
        for result in results { object[result.key] = result.json }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

/// Figures as the report writes them.
enum Figure {
    static func milliseconds(_ seconds: Double) -> String { fixed(seconds * 1e3, 2) + " ms" }
    static func microseconds(_ seconds: Double) -> String { fixed(seconds * 1e6, 1) + " µs" }
    static func megabytesPerSecond(_ value: Double) -> String { fixed(value, 1) + " MB/s" }
    static func mebibytes(kib: Int) -> String { fixed(Double(kib) / 1024, 1) + " MiB" }
    static func ratio(_ value: Double) -> String { fixed(value, 2) + "×" }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "n/a" }
        return String(format: "%.\(digits)f", value)
    }

    /// A duration picked in the unit that reads best.
    static func duration(_ seconds: Double) -> String {
        seconds < 1e-3 ? microseconds(seconds) : milliseconds(seconds)
    }
}
