extension TextMetrics {
    /// Wraps `text` into lines no wider than `maxWidth` px (a single character wider than that still
    /// gets a line of its own). Explicit newlines are kept; Latin text breaks at spaces, words longer
    /// than a line are cut; CJK may break between any two characters, but a line never starts with
    /// closing punctuation when the character before it can move down instead.
    public static func wrap(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        if text.isEmpty { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var builder = LineBuilder(maxWidth: maxWidth, fontSize: fontSize)
            for unit in breakUnits(paragraph) { builder.add(unit) }
            lines += builder.finish()
        }
        return lines
    }

    /// Pieces a line may break between: a run of spaces, a Latin word, or one wide character.
    static func breakUnits(_ paragraph: Substring) -> [Substring] {
        var units: [Substring] = []
        var start = paragraph.startIndex
        var index = start
        var runKind: UnitKind?
        while index < paragraph.endIndex {
            let kind = UnitKind(paragraph[index])
            if let runKind, kind != runKind || kind == .wide {
                units.append(paragraph[start..<index])
                start = index
            }
            runKind = kind
            index = paragraph.index(after: index)
        }
        if start < paragraph.endIndex { units.append(paragraph[start...]) }
        return units
    }

    enum UnitKind {
        case space, word, wide

        init(_ character: Character) {
            if character.isWhitespace {
                self = .space
            } else if let scalar = character.unicodeScalars.first, isWide(scalar) {
                self = .wide
            } else {
                self = .word
            }
        }
    }

    /// Characters that look wrong at the start of a line (CJK and Latin closing punctuation).
    static func isClosingPunctuation(_ character: Character) -> Bool {
        "，。、；：！？）」』】〉》〕〗〙〛…‥・ー～,.;:!?)]}%".contains(character)
    }
}

/// Greedy line filling over break units.
private struct LineBuilder {
    let maxWidth: Double
    let fontSize: Double
    private var lines: [String] = []
    private var current: [Substring] = []
    private var currentWidth = 0.0
    private var pendingSpace: Substring?

    init(maxWidth: Double, fontSize: Double) {
        self.maxWidth = maxWidth
        self.fontSize = fontSize
    }

    mutating func add(_ unit: Substring) {
        guard let first = unit.first else { return }
        if first.isWhitespace {
            // Spaces only count when a word follows on the same line.
            if !current.isEmpty { pendingSpace = unit }
            return
        }
        let width = TextMetrics.width(of: unit, fontSize: fontSize)
        let spaceWidth = pendingSpace.map { TextMetrics.width(of: $0, fontSize: fontSize) } ?? 0
        if currentWidth + spaceWidth + width <= maxWidth || current.isEmpty && width <= maxWidth {
            append(unit, width: width, spaceWidth: spaceWidth)
        } else if TextMetrics.isClosingPunctuation(first), current.count >= 2, pullDownLast(then: unit, width: width) {
            return
        } else if width <= maxWidth {
            flush()
            append(unit, width: width, spaceWidth: 0)
        } else {
            hardBreak(unit)
        }
    }

    mutating func finish() -> [String] {
        flush()
        return lines.isEmpty ? [""] : lines
    }

    private mutating func append(_ unit: Substring, width: Double, spaceWidth: Double) {
        if let space = pendingSpace, !current.isEmpty {
            current.append(space)
            currentWidth += spaceWidth
        }
        pendingSpace = nil
        current.append(unit)
        currentWidth += width
    }

    /// Moves the last unit of the line down with the punctuation, if the pair fits on a line.
    private mutating func pullDownLast(then unit: Substring, width: Double) -> Bool {
        guard let last = current.last, !last.first!.isWhitespace else { return false }
        let lastWidth = TextMetrics.width(of: last, fontSize: fontSize)
        guard lastWidth + width <= maxWidth else { return false }
        current.removeLast()
        while current.last?.first?.isWhitespace == true { current.removeLast() }
        flush()
        append(last, width: lastWidth, spaceWidth: 0)
        append(unit, width: width, spaceWidth: 0)
        return true
    }

    /// Cuts a word wider than a whole line into line-sized pieces, starting on a fresh line.
    private mutating func hardBreak(_ unit: Substring) {
        flush()
        var index = unit.startIndex
        var pieceStart = index
        var pieceWidth = 0.0
        while index < unit.endIndex {
            let width = TextMetrics.advance(of: unit[index]) * fontSize
            if pieceStart < index, pieceWidth + width > maxWidth {
                append(unit[pieceStart..<index], width: pieceWidth, spaceWidth: 0)
                flush()
                pieceStart = index
                pieceWidth = 0
            }
            pieceWidth += width
            index = unit.index(after: index)
        }
        append(unit[pieceStart...], width: pieceWidth, spaceWidth: 0)
    }

    private mutating func flush() {
        if !current.isEmpty { lines.append(current.joined()) }
        current = []
        currentWidth = 0
        pendingSpace = nil
    }
}
