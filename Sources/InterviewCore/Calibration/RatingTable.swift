import Flowchart
import Foundation

/// A table of ratings given elsewhere (a spreadsheet, another tool), as `interview calibrate` reads it:
/// CSV with the header `candidate,interviewer,topic,question,rating`, one rating per row. RFC 4180
/// quoting, so names may hold commas and quotes; blank lines are skipped; a byte-order mark is allowed.
///
/// Written here rather than taken from a library: none of the packages this machine mirrors reads CSV,
/// and the five-column subset is forty lines.
public enum RatingTable {
    public static let header = ["candidate", "interviewer", "topic", "question", "rating"]

    public struct Problem: Error, Hashable, Sendable {
        /// 1-based line of the file.
        public var line: Int
        public var message: LocalizedText
    }

    /// The rows grouped into one scorecard per candidate and interviewer, in the order first seen. With a
    /// guide, each rating is weighted as the guide weights it (topic and question weights, as in the score
    /// of record) and a row naming a question the guide lacks is a problem; without one every rating
    /// weighs the same and the raw score is the plain points ratio.
    public static func read(_ text: String, scale: ClosedRange<Int>, guide: Guide? = nil) -> Result<[ScorecardRatings], Problem> {
        var rows: [(line: Int, fields: [String])] = []
        var line = 1
        var rest = Substring(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        while !rest.isEmpty {
            let start = line
            guard let (fields, remainder, lines) = record(rest) else {
                return .failure(Problem(line: start, message: LocalizedText(
                    en: "a quoted field is never closed", zh: "引号中的字段没有结束")))
            }
            line += lines
            rest = remainder
            if fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            rows.append((start, fields))
        }
        guard let first = rows.first else {
            return .failure(Problem(line: 1, message: LocalizedText(en: "the file is empty; expected the header \(header.joined(separator: ","))",
                                                                   zh: "文件为空；应以表头 \(header.joined(separator: ",")) 开始")))
        }
        guard first.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) == header else {
            return .failure(Problem(line: first.line, message: LocalizedText(
                en: "expected the header \(header.joined(separator: ",")), found \(first.fields.joined(separator: ","))",
                zh: "表头应为 \(header.joined(separator: ","))，实际为 \(first.fields.joined(separator: ","))")))
        }
        var cards: [ScorecardRatings] = [], index: [String: Int] = [:]
        // The line each candidate, interviewer and question was first rated on: a second rating of the same
        // was counted as another, toward the minimum data too (a calibration probe).
        var rated: [String: Int] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count == header.count else {
                return .failure(Problem(line: row.line, message: LocalizedText(
                    en: "expected 5 fields (candidate,interviewer,topic,question,rating), found \(row.fields.count)",
                    zh: "应有 5 个字段（candidate,interviewer,topic,question,rating），实际 \(row.fields.count) 个")))
            }
            let f = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            for (name, value) in zip(header.prefix(4), f.prefix(4)) where value.isEmpty {
                return .failure(Problem(line: row.line, message: LocalizedText(en: "the \(name) is empty", zh: "\(name) 为空")))
            }
            guard let rating = Int(f[4]), scale.contains(rating) else {
                return .failure(Problem(line: row.line, message: LocalizedText(
                    en: "rating '\(f[4])' is not a whole number from \(scale.lowerBound) to \(scale.upperBound)",
                    zh: "评分 '\(f[4])' 不是 \(scale.lowerBound) 到 \(scale.upperBound) 之间的整数")))
            }
            var weight = 1.0
            if let guide {
                guard let topic = guide.topic(f[2]) else {
                    return .failure(Problem(line: row.line, message: LocalizedText(
                        en: "the guide has no topic '\(f[2])'", zh: "指南中没有主题 '\(f[2])'")))
                }
                guard let question = topic.question(f[3]) else {
                    return .failure(Problem(line: row.line, message: LocalizedText(
                        en: "topic '\(f[2])' of the guide has no question '\(f[3])'", zh: "指南的主题 '\(f[2])' 中没有问题 '\(f[3])'")))
                }
                weight = question.weight
            }
            let key = QuestionKey.of(topic: f[2], question: f[3])
            let card = "\(f[0])\u{0}\(f[1])"
            if let earlier = rated.updateValue(row.line, forKey: card + "\u{0}" + key) {
                return .failure(Problem(line: row.line, message: LocalizedText(
                    en: "\(f[1]) rated question '\(f[3])' of topic '\(f[2])' for \(f[0]) on line \(earlier) already; keep one of the two (a table says nothing of which came later)",
                    zh: "\(f[1]) 已在第 \(earlier) 行为 \(f[0]) 评过主题 '\(f[2])' 的问题 '\(f[3])'；请只保留其中一行（表格无法说明哪一次在后）")))
            }
            let n = index[card] ?? {
                cards.append(ScorecardRatings(candidate: f[0], interviewer: f[1], ratings: [], weighted: []))
                index[card] = cards.count - 1
                return cards.count - 1
            }()
            cards[n].ratings.append(CalibrationRating(candidate: f[0], interviewer: f[1], question: key, rating: rating))
            cards[n].weighted.append(WeightedRating(question: key, interviewer: f[1], rating: rating, weight: weight))
        }
        if let guide { for n in cards.indices { weighByTopic(&cards[n], guide) } }
        return .success(cards)
    }

    /// W_t · w_q / S_t per rating, as `ScorecardRatings` weighs a scorecard (S_t over this card's rows).
    private static func weighByTopic(_ card: inout ScorecardRatings, _ guide: Guide) {
        var sums: [String: Double] = [:]
        for r in card.weighted { sums[topicKey(r.question), default: 0] += r.weight }
        for n in card.weighted.indices {
            let key = topicKey(card.weighted[n].question)
            let topicWeight = guide.topic(key)?.weight ?? 1
            let sum = sums[key] ?? 0
            card.weighted[n].weight = sum > 0 ? topicWeight * card.weighted[n].weight / sum : 0
        }
        card.weighted = ScorecardRatings.countingOnce(card.weighted)
    }

    private static func topicKey(_ question: String) -> String {
        String(question[..<(question.lastIndex(of: "/") ?? question.endIndex)])
    }

    /// One record: its fields, the text after it, and how many lines it spanned (quoted fields may hold
    /// line breaks). nil when a quote is never closed.
    static func record(_ text: Substring) -> ([String], Substring, Int)? {
        var fields: [String] = [], field = "", lines = 1
        var i = text.startIndex
        var quoted = false, wasQuoted = false
        while i < text.endIndex {
            let c = text[i]
            if quoted {
                if c == "\"" {
                    let next = text.index(after: i)
                    if next < text.endIndex && text[next] == "\"" { field.append("\""); i = text.index(after: next); continue }
                    quoted = false
                } else {
                    if c == "\n" || c == "\r\n" { lines += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if c == "," {
                fields.append(field); field = ""; wasQuoted = false
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field)
                return (fields, text[text.index(after: i)...], lines)
            } else {
                field.append(c)
            }
            i = text.index(after: i)
        }
        if quoted { return nil }
        fields.append(field)
        return (fields, text[text.endIndex...], lines)
    }
}
