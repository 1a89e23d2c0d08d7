import Flowchart
import Yams

extension AnnotationReader {
    mutating func readTopics(_ node: Yams.Node, into notes: inout Annotations) {
        guard let mapping = expectMapping(node, .verbatim("topics")) else { return }
        for (key, value) in mapping {
            let name = key.string ?? ""
            var topic = Annotations.TopicNote(key: Annotations.Located(value: name, position: position(key.mark)))
            guard let settings = expectMapping(value, .verbatim("topics.\(name)")) else { continue }
            for (settingKey, setting) in settings {
                switch settingKey.string ?? "" {
                case "weight": topic.weight = number(setting, LocalizedText(en: "the weight of topic \(name)", zh: "主题 \(name) 的权重"))
                case "knockout":
                    topic.knockoutAt = position(setting.mark)
                    // `true` uses the default threshold (50); a number sets it.
                    if let flag = setting.bool {
                        topic.knockout = flag ? 50 : nil
                    } else if let threshold = number(setting, LocalizedText(en: "the knockout threshold of topic \(name)", zh: "主题 \(name) 的淘汰线")) {
                        if threshold > 100 {
                            report(.error, .invalidAnnotation, at: setting.mark, LocalizedText(
                                en: "a knockout threshold is a score from 0 to 100",
                                zh: "淘汰线是 0 到 100 之间的分数"))
                        } else {
                            topic.knockout = threshold
                        }
                    }
                case "pickList", "pick-list":
                    guard let flag = setting.bool else {
                        report(.error, .invalidAnnotation, at: setting.mark, LocalizedText(
                            en: "pickList must be true or false", zh: "pickList 必须是 true 或 false"))
                        continue
                    }
                    topic.pickList = flag
                case "questions":
                    guard let questions = expectMapping(setting, .verbatim("topics.\(name).questions")) else { continue }
                    for (id, question) in questions {
                        if let note = readQuestion(id, question, topic: name) { topic.questions.append(note) }
                    }
                case let other:
                    unknownKey(other, at: settingKey.mark, known: ["weight", "knockout", "pickList", "questions"], LocalizedText(
                        en: "unknown key '\(other)' for topic \(name); topics take weight, knockout, pickList and questions",
                        zh: "主题 \(name) 中有未知的键 '\(other)'；主题只接受 weight、knockout、pickList 和 questions"))
                }
            }
            notes.topics.append(topic)
        }
    }

    private mutating func readQuestion(_ key: Yams.Node, _ node: Yams.Node, topic: String) -> Annotations.QuestionNote? {
        let id = key.string ?? ""
        var note = Annotations.QuestionNote(id: Annotations.Located(value: id, position: position(key.mark)))
        guard let settings = expectMapping(node, .verbatim("topics.\(topic).questions.\(id)")) else { return nil }
        for (settingKey, setting) in settings {
            switch settingKey.string ?? "" {
            case "id":
                let written = setting.string ?? ""
                if let problem = QuestionBankID.problem(written) {
                    report(.error, .invalidAnnotation, at: setting.mark, problem)
                } else {
                    note.bankID = Annotations.Located(value: written, position: position(setting.mark))
                }
            case "weight": note.weight = number(setting, LocalizedText(en: "the weight of \(topic)/\(id)", zh: "\(topic)/\(id) 的权重"))
            case "reference": note.reference = setting.string
            case "dimensions":
                if let list = setting.sequence {
                    note.dimensions = list.compactMap(\.string)
                } else if let single = setting.string {
                    note.dimensions = [single]
                }
            case "rubric":
                guard let levels = expectMapping(setting, LocalizedText(en: "the rubric of \(topic)/\(id)", zh: "\(topic)/\(id) 的评分标准")) else { continue }
                for (level, anchor) in levels {
                    guard let rating = level.int else {
                        report(.error, .invalidAnnotation, at: level.mark, LocalizedText(
                            en: "a rubric level must be a rating such as 1 or 4",
                            zh: "评分标准的等级必须是一个评分，例如 1 或 4"))
                        continue
                    }
                    note.rubric[Annotations.Located(value: rating, position: position(level.mark))] = anchor.string ?? ""
                }
            case let other:
                unknownKey(other, at: settingKey.mark, known: ["id", "weight", "dimensions", "reference", "rubric"], LocalizedText(
                    en: "unknown key '\(other)' for question \(topic)/\(id); questions take id, weight, dimensions, reference and rubric",
                    zh: "问题 \(topic)/\(id) 中有未知的键 '\(other)'；问题只接受 id、weight、dimensions、reference 和 rubric"))
            }
        }
        return note
    }

    mutating func readBands(_ node: Yams.Node, into notes: inout Annotations) {
        guard let list = node.sequence else {
            report(.error, .invalidAnnotation, at: node.mark, LocalizedText(
                en: "'recommendation' must be a list of bands such as - { band: hire, min: 70, label: 推荐 }",
                zh: "'recommendation' 必须是档位列表，例如 - { band: hire, min: 70, label: 推荐 }"))
            return
        }
        var bands: [Annotations.BandNote] = []
        for item in list {
            guard let mapping = expectMapping(item, LocalizedText(en: "a recommendation band", zh: "推荐档位")) else { continue }
            var id: String?, label: String?, minimum: Double?, maximum: Double?
            for (key, value) in mapping {
                switch key.string ?? "" {
                case "band", "id": id = value.string
                case "label": label = value.string
                case "min": minimum = number(value, LocalizedText(en: "the band's min", zh: "档位的 min 值"))
                case "max": maximum = number(value, LocalizedText(en: "the band's max", zh: "档位的 max 值"))
                case let other: report(.warning, .unknownAnnotation, at: key.mark, LocalizedText(
                    en: "unknown key '\(other)' for a band; bands take band, label, min and max",
                    zh: "档位中有未知的键 '\(other)'；档位只接受 band、label、min 和 max"))
                }
            }
            guard let id, let minimum else {
                report(.error, .invalidAnnotation, at: item.mark, LocalizedText(
                    en: "a band needs 'band' (its name) and 'min' (its lowest score)",
                    zh: "档位需要 'band'（名称）和 'min'（最低分）"))
                continue
            }
            if minimum > 100 || (maximum ?? 0) > 100 {
                report(.error, .invalidAnnotation, at: item.mark, LocalizedText(
                    en: "band '\(id)': scores run from 0 to 100", zh: "档位 '\(id)'：分数范围是 0 到 100"))
                continue
            }
            bands.append(Annotations.BandNote(id: id, label: label ?? id, minimum: minimum, maximum: maximum, position: position(item.mark)))
        }
        notes.bands = bands
    }
}

extension AnnotationReader {
    /// A key the place does not take. Most are a warning (a newer guide's key, a note to self), but two
    /// lose a setting without a word and are errors (a probe's weights silently stayed 1 and 2):
    /// a misspelt known key (`wieght: 2`), named with the key it meant; and a key of digits alone, which
    /// is what YAML makes of a decimal comma (`{ weight: 2,5 }` is weight 2 and a key `5`).
    /// `otherwise`: the warning when it is neither (`unknown` when not given).
    mutating func unknownKey(_ key: String, at mark: Mark?, known: [String], _ unknown: LocalizedText, otherwise: LocalizedText? = nil) {
        if !key.isEmpty, key.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            report(.error, .invalidAnnotation, at: mark, LocalizedText(
                en: "'\(key)' is read as a key of its own: a decimal comma such as 2,\(key) splits the number in YAML — write the decimal with a point (2.\(key))",
                zh: "'\(key)' 被读成了一个单独的键：YAML 中像 2,\(key) 这样的小数逗号会把数字拆开——小数请用小数点（2.\(key)）"))
        } else if let guess = Suggestions.closest(key, in: known),
                  Suggestions.distance(guess, key) <= (key.count <= 4 ? 1 : 2) {   // `to` is not a misspelt `id`
            report(.error, .unknownAnnotation, at: mark, unknown + LocalizedText.didYouMean(guess)
                   + LocalizedText(en: " (as written, the setting is ignored)", zh: "（按现在的写法，这项设置不会生效）"))
        } else {
            report(.warning, .unknownAnnotation, at: mark, otherwise ?? unknown)
        }
    }
}
