import Flowchart

/// An interview guide: the interview process itself. Authors write it as Markdown with flowchart.js
/// blocks; `GuideImporter` reads it, `GuideExporter` writes it back.
public struct Guide: Hashable, Sendable, Codable {
    /// Stable identity across languages and versions (front matter `guide.id`), when the author gave one.
    public var id: String?
    public var title: String
    public var language: String?
    public var audience: String?
    /// Sections before the stages (an overview) and after them (closing words), kept as written.
    public var preface: [Section]
    public var stages: [Stage]
    public var afterword: [Section]
    public var scale: RatingScale
    public var bands: [RecommendationBand]
    /// The Markdown heading level stages are written at (the seed: `###`), so export keeps the shape.
    public var stageLevel: Int

    public init(id: String? = nil, title: String, language: String? = nil, audience: String? = nil,
                preface: [Section] = [], stages: [Stage] = [], afterword: [Section] = [],
                scale: RatingScale = .standard, bands: [RecommendationBand] = RecommendationBand.defaults,
                stageLevel: Int = 2) {
        self.stageLevel = stageLevel
        self.id = id
        self.title = title
        self.language = language
        self.audience = audience
        self.preface = preface
        self.stages = stages
        self.afterword = afterword
        self.scale = scale
        self.bands = bands
    }

    public var topics: [Topic] { stages.flatMap(\.topics) }

    /// Looked up stage by stage: building `topics` copies every topic, and the engine asks for one
    /// topic several times per event.
    public func topic(_ key: String) -> Topic? {
        for stage in stages {
            if let topic = stage.topics.first(where: { $0.key == key }) { return topic }
        }
        return nil
    }
}

/// A heading and the Markdown under it, for the parts of a guide that are not stages.
public struct Section: Hashable, Sendable, Codable {
    public var level: Int
    public var title: String
    public var body: String

    public init(level: Int, title: String, body: String) {
        self.level = level
        self.title = title
        self.body = body
    }
}

public enum Requirement: String, Hashable, Sendable, Codable {
    case required, optional, unspecified
}

/// One step of the interview: resume scan, self-introduction, technical questions, …
public struct Stage: Hashable, Sendable, Codable {
    /// The stage's number as written ("3"); annotations key stages by it.
    public var number: String?
    public var title: String
    public var requirement: Requirement
    /// Markdown advice to the interviewer.
    public var guidance: String
    /// Time budget; nil when the guide gives none.
    public var minutes: Int?
    /// Plain numbered questions written in the prose ("2.1 …").
    public var questions: [StageQuestion]
    /// Headings between the stage and its topics that only group them (3.2 caches and databases).
    public var groups: [TopicGroup]
    public var topics: [Topic]

    public init(number: String?, title: String, requirement: Requirement = .unspecified, guidance: String = "",
                minutes: Int? = nil, questions: [StageQuestion] = [], groups: [TopicGroup] = [], topics: [Topic] = []) {
        self.number = number
        self.title = title
        self.requirement = requirement
        self.guidance = guidance
        self.minutes = minutes
        self.questions = questions
        self.groups = groups
        self.topics = topics
    }

    public var key: String { number ?? title }
}

public struct StageQuestion: Hashable, Sendable, Codable {
    public var number: String
    public var text: String
    public var reference: String?
    /// The lines nested under a listed prompt (`- Bullet two` then `  - a point to listen for`), as
    /// Markdown with their indentation relative to the first; nil when there are none, so a guide without
    /// any keeps its version (the canonical JSON leaves a nil out).
    public var details: String?

    public init(number: String, text: String, reference: String? = nil, details: String? = nil) {
        self.number = number
        self.text = text
        self.reference = reference
        self.details = details
    }
}

/// A heading that gathers topics and carries guidance for all of them.
public struct TopicGroup: Hashable, Sendable, Codable {
    public var number: String?
    public var title: String
    public var guidance: String
    /// Heading depth below the stage (1 = directly under it).
    public var depth: Int
    /// The group this one sits in, if any.
    public var parent: String?

    public var key: String { number ?? title }

    public init(number: String?, title: String, guidance: String = "", depth: Int = 1, parent: String? = nil) {
        self.number = number
        self.title = title
        self.guidance = guidance
        self.depth = depth
        self.parent = parent
    }
}
