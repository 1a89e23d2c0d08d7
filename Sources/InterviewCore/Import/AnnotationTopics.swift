import Flowchart
import Yams

extension AnnotationReader {
    mutating func readTopics(_ node: Yams.Node, into notes: inout Annotations) {
        guard let mapping = expectMapping(node, "topics") else { return }
        for (key, value) in mapping {
            let name = key.string ?? ""
            var topic = Annotations.TopicNote(key: Annotations.Located(value: name, position: position(key.mark)))
            guard let settings = expectMapping(value, "topics.\(name)") else { continue }
            for (settingKey, setting) in settings {
                switch settingKey.string ?? "" {
                case "weight": topic.weight = number(setting, "the weight of topic \(name)")
                case "knockout":
                    // `true` uses the default threshold (50); a number sets it.
                    if let flag = setting.bool {
                        topic.knockout = flag ? 50 : nil
                    } else if let threshold = number(setting, "the knockout threshold of topic \(name)") {
                        if threshold > 100 {
                            report(.error, .invalidAnnotation, at: setting.mark, "a knockout threshold is a score from 0 to 100")
                        } else {
                            topic.knockout = threshold
                        }
                    }
                case "pickList", "pick-list":
                    guard let flag = setting.bool else {
                        report(.error, .invalidAnnotation, at: setting.mark, "pickList must be true or false")
                        continue
                    }
                    topic.pickList = flag
                case "questions":
                    guard let questions = expectMapping(setting, "topics.\(name).questions") else { continue }
                    for (id, question) in questions {
                        if let note = readQuestion(id, question, topic: name) { topic.questions.append(note) }
                    }
                case let other:
                    report(.warning, .unknownAnnotation, at: settingKey.mark,
                           "unknown key '\(other)' for topic \(name); topics take weight, knockout, pickList and questions")
                }
            }
            notes.topics.append(topic)
        }
    }

    private mutating func readQuestion(_ key: Yams.Node, _ node: Yams.Node, topic: String) -> Annotations.QuestionNote? {
        let id = key.string ?? ""
        var note = Annotations.QuestionNote(id: Annotations.Located(value: id, position: position(key.mark)))
        guard let settings = expectMapping(node, "topics.\(topic).questions.\(id)") else { return nil }
        for (settingKey, setting) in settings {
            switch settingKey.string ?? "" {
            case "weight": note.weight = number(setting, "the weight of \(topic)/\(id)")
            case "reference": note.reference = setting.string
            case "dimensions":
                if let list = setting.sequence {
                    note.dimensions = list.compactMap(\.string)
                } else if let single = setting.string {
                    note.dimensions = [single]
                }
            case "rubric":
                guard let levels = expectMapping(setting, "the rubric of \(topic)/\(id)") else { continue }
                for (level, anchor) in levels {
                    guard let rating = level.int else {
                        report(.error, .invalidAnnotation, at: level.mark, "a rubric level must be a rating such as 1 or 4")
                        continue
                    }
                    note.rubric[Annotations.Located(value: rating, position: position(level.mark))] = anchor.string ?? ""
                }
            case let other:
                report(.warning, .unknownAnnotation, at: settingKey.mark,
                       "unknown key '\(other)' for question \(topic)/\(id); questions take weight, dimensions, reference and rubric")
            }
        }
        return note
    }

    mutating func readBands(_ node: Yams.Node, into notes: inout Annotations) {
        guard let list = node.sequence else {
            report(.error, .invalidAnnotation, at: node.mark, "'recommendation' must be a list of bands such as - { band: hire, min: 70, label: 推荐 }")
            return
        }
        var bands: [Annotations.BandNote] = []
        for item in list {
            guard let mapping = expectMapping(item, "a recommendation band") else { continue }
            var id: String?, label: String?, minimum: Double?, maximum: Double?
            for (key, value) in mapping {
                switch key.string ?? "" {
                case "band", "id": id = value.string
                case "label": label = value.string
                case "min": minimum = number(value, "the band's min")
                case "max": maximum = number(value, "the band's max")
                case let other: report(.warning, .unknownAnnotation, at: key.mark, "unknown key '\(other)' for a band; bands take band, label, min and max")
                }
            }
            guard let id, let minimum else {
                report(.error, .invalidAnnotation, at: item.mark, "a band needs 'band' (its name) and 'min' (its lowest score)")
                continue
            }
            if minimum > 100 || (maximum ?? 0) > 100 {
                report(.error, .invalidAnnotation, at: item.mark, "band '\(id)': scores run from 0 to 100")
                continue
            }
            bands.append(Annotations.BandNote(id: id, label: label ?? id, minimum: minimum, maximum: maximum, position: position(item.mark)))
        }
        notes.bands = bands
    }
}
