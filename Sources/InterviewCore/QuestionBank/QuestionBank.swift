import Crypto
import Foundation

/// Every question of every guide, each with one identity that follows it across the guide's versions
/// and across guides, so its statistics do too (issue 15: "statistics follow a question across versions
/// and guides").
///
/// How a question of a version gets its identity, first rule that applies:
/// 1. the author's `id:` in the front matter (`Question.bankID`) — settles it, whatever the text;
/// 2. the same place (topic and node) in the guide's previous version, with text similar enough
///    (`QuestionText.similarity` ≥ `sameQuestion`): an edit, not a new question — typos, wording;
/// 3. the same normalised text anywhere in the bank, an id'd question's first: shared between guides, or
///    moved to another topic;
/// 4. a new identity from the normalised text (`derivedPrefix` + a digest), so the same guide read on
///    any instance, in any order of loading, names it the same.
public struct QuestionBank: Sendable {
    /// A text this similar to the previous version's at the same place is the same question reworded.
    public static let sameQuestion = 0.75
    /// Text-derived identities start with it; author ids cannot contain ':'.
    public static let derivedPrefix = "q:"

    /// One guide of the library with its versions, oldest first.
    public struct Lineage: Sendable {
        public var id: String
        public var title: String
        public var versions: [Version]
        public init(id: String, title: String, versions: [Version]) {
            self.id = id
            self.title = title
            self.versions = versions
        }
    }

    public struct Version: Sendable {
        public var id: String
        /// How pages name it: a date or a number.
        public var label: String
        public var guide: Guide
        public init(id: String, label: String, guide: Guide) {
            self.id = id
            self.label = label
            self.guide = guide
        }
    }

    /// Where a question stands in one version of one guide.
    public struct Appearance: Hashable, Sendable {
        public var guide: String
        public var guideTitle: String
        public var version: String
        public var versionLabel: String
        /// `QuestionKey.of(topic:question:)` in that version.
        public var key: String
        public var topicHeading: String
        public var text: String
        /// The guide's language (`zh`, `en`), so a page can show the wording in the reader's.
        public var language: String?
    }

    public struct Entry: Hashable, Sendable, Identifiable {
        public var id: String
        /// Named by the author (`id:`) rather than derived from the text.
        public var isNamed: Bool
        /// The wording of its last appearance (guides in the order given, each oldest version first).
        public var text: String
        /// Oldest first within each guide, guides in the order given.
        public var appearances: [Appearance]

        /// The guides it is in, each once, in order.
        public var guides: [String] {
            var seen: [String] = []
            for a in appearances where !seen.contains(a.guide) { seen.append(a.guide) }
            return seen
        }
    }

    /// Sorted by text, then id.
    public private(set) var entries: [Entry]
    /// Version id → question key → identity.
    private var identities: [String: [String: String]]
    private var index: [String: Int]

    /// The identity of question `key` (`QuestionKey.of`) in version `version`, nil when the bank has
    /// no such question.
    public func identity(version: String, key: String) -> String? { identities[version]?[key] }

    /// Every key of one version with its identity.
    public func identities(version: String) -> [String: String] { identities[version] ?? [:] }

    public func entry(_ id: String) -> Entry? { index[id].map { entries[$0] } }

    /// The entry's wording in `language` (its last appearance in a guide of that language), else its own.
    public static func text(of entry: Entry, language: String) -> String {
        entry.appearances.last { $0.language == language }?.text ?? entry.text
    }

    /// Entries whose text (any appearance), id, guide title or key contains `needle`, ignoring case
    /// and width; all of them for an empty needle.
    public func search(_ needle: String) -> [Entry] {
        let folded = needle.precomposedStringWithCompatibilityMapping.lowercased().trimmingCharacters(in: .whitespaces)
        guard !folded.isEmpty else { return entries }
        func has(_ text: String) -> Bool { text.precomposedStringWithCompatibilityMapping.lowercased().contains(folded) }
        return entries.filter { entry in
            has(entry.id) || entry.appearances.contains { has($0.text) || has($0.guideTitle) || has($0.key) }
        }
    }

    public init(_ lineages: [Lineage]) {
        // Rule 3 needs every author id's text before any question is assigned, so a guide loaded
        // before the one that names the question still shares it.
        var byText: [String: String] = [:]
        for lineage in lineages {
            for version in lineage.versions {
                for topic in version.guide.topics {
                    for question in topic.questions {
                        guard let id = question.bankID else { continue }
                        let text = QuestionText.normalized(question.text)
                        if !text.isEmpty, byText[text] == nil { byText[text] = id }
                    }
                }
            }
        }
        var identities: [String: [String: String]] = [:]
        var entries: [Entry] = [], index: [String: Int] = [:]
        for lineage in lineages {
            var previous: [String: (identity: String, text: String)] = [:]
            for version in lineage.versions {
                var current: [String: (identity: String, text: String)] = [:]
                for topic in version.guide.topics {
                    for question in topic.questions {
                        let key = QuestionKey.of(topic: topic.key, question: question.id)
                        let text = QuestionText.normalized(question.text)
                        let identity: String
                        if let named = question.bankID {
                            identity = named
                        } else if let before = previous[key], QuestionText.similarity(before.text, text) >= Self.sameQuestion {
                            identity = before.identity
                        } else if let shared = byText[text] {
                            identity = shared
                        } else {
                            identity = Self.derived(text.isEmpty ? key : text)
                        }
                        if !text.isEmpty, byText[text] == nil { byText[text] = identity }
                        current[key] = (identity, text)
                        identities[version.id, default: [:]][key] = identity
                        let appearance = Appearance(guide: lineage.id, guideTitle: lineage.title, version: version.id,
                                                    versionLabel: version.label, key: key, topicHeading: topic.heading,
                                                    text: question.text, language: version.guide.language)
                        if let n = index[identity] {
                            entries[n].appearances.append(appearance)
                            entries[n].text = question.text
                            entries[n].isNamed = entries[n].isNamed || question.bankID != nil
                        } else {
                            index[identity] = entries.count
                            entries.append(Entry(id: identity, isNamed: question.bankID != nil, text: question.text, appearances: [appearance]))
                        }
                    }
                }
                previous = current
            }
        }
        entries.sort { ($0.text, $0.id) < ($1.text, $1.id) }
        self.entries = entries
        self.identities = identities
        self.index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.id, $0) })
    }

    static func derived(_ text: String) -> String {
        derivedPrefix + SHA256.hash(data: Data(text.utf8)).prefix(5).map { String(format: "%02x", $0) }.joined()
    }
}
