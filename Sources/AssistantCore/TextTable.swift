/// A table of a reply, rendered with aligned columns (amounts to the right).
public struct TextTable: Sendable {
    public enum Alignment: Sendable {
        case left, right
    }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Column widths in characters (each character counts one: French text and the
    /// narrow no-break spaces of amounts take one cell in a terminal).
    public var widths: [Int] {
        columns.indices.map { index in
            max(columns[index].title.count, rows.map { index < $0.count ? $0[index].count : 0 }.max() ?? 0)
        }
    }

    /// The table as text, two spaces of indent and two between columns; `header` lets a
    /// terminal front-end decorate the title line.
    public func render(header: (String) -> String = { $0 }) -> String {
        let widths = widths
        func line(_ cells: [String]) -> String {
            var pieces: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                let isLast = index == columns.count - 1
                pieces.append(column.alignment == .right ? padding + cell : (isLast ? cell : cell + padding))
            }
            let text = "  " + pieces.joined(separator: "  ")
            return String(text.reversed().drop(while: { $0 == " " }).reversed())
        }
        return ([header(line(columns.map(\.title)))] + rows.map(line)).joined(separator: "\n")
    }
}
