/// Which way a gate's line goes, told from its label: yes/no, y/n, true/false, 是/否, 深入/不深入 and the
/// like, case-insensitive and trimmed; a label whose first word is one of them ("Yes, go deeper") counts
/// too, and a Chinese label starting with 不/没/未/无 is a no — unless it is a negation that means yes
/// (没问题, 不错, "No problem").
enum MermaidGateWords {
    enum Answer { case yes, no, unclear }

    static let yes: Set<String> = [
        "yes", "y", "true", "t", "ok", "pass", "passed", "correct", "right", "good", "strong", "deeper",
        "go deeper", "continue", "more", "know", "knows", "can", "has", "done", "1",
        "是", "对", "会", "有", "能", "深入", "继续", "通过", "正确", "好", "可以", "行", "要", "需要",
        "答对", "答得好", "掌握", "熟悉", "了解", "知道", "满足", "符合", "达标", "成立", "真",
        "追问", "继续追问", "深挖", "能答出", "答出", "答得出", "答上来", "回答正确", "答对了", "熟练", "满意", "有经验",
        "dig", "dig deeper", "deep", "go on", "再深入", "往下问",
        "√", "✓", "✔",
    ]

    /// A gate that names the next question's level: the advanced one is the deeper way (进阶/基础 were warned
    /// as unclear). As the whole label only: as a first word ("Basic understanding solid", "Easier than I
    /// thought") they may say either. Not hard/easy, which may answer "was it hard?".
    static let levelYes: Set<String> = ["进阶", "进阶题", "高阶", "advanced", "harder"]
    static let levelNo: Set<String> = ["基础", "基础题", "初级", "basic", "basics", "easier"]

    static let no: Set<String> = [
        "no", "n", "false", "f", "fail", "failed", "wrong", "incorrect", "bad", "weak", "stop", "end",
        "skip", "next", "unknown", "cannot", "can't", "none", "0",
        "否", "错", "不会", "没有", "不能", "不深入", "结束", "不通过", "错误", "不好", "不可以", "不行",
        "不要", "不需要", "答错", "跳过", "不掌握", "不熟悉", "不了解", "不知道", "不满足", "不符合", "假", "停止",
        "换题", "换一题", "下一题", "答不出", "答不上来", "回答错误", "答错了", "一般", "生疏", "×", "✗", "✘",
        "move on", "shallow", "stop here", "到此为止", "点到为止", "就此打住", "浅尝辄止",
    ]
    static let modals = ["可以", "需要", "继续", "应该", "要", "能", "再"]
    /// The Chinese words of two characters or more in `yes` and `no`, longest first: Chinese puts no space
    /// between words, so 继续深入, 可以深入 and 结束本题 begin with one (they were warned as unclear, and
    /// the first line taken as yes swapped the branches when the no came first: a probe).
    static let chineseLeads: [(word: String, answer: Answer)] = (yes.map { ($0, Answer.yes) } + no.map { ($0, Answer.no) })
        .filter { $0.0.unicodeScalars.count >= 2 && $0.0.unicodeScalars.allSatisfy { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }
        .sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }

    /// Yes in the words of a no: matched at the label's start ("No problem, go deeper").
    static let positiveIdioms = ["no problem", "no issue", "not bad", "no doubt", "no worries", "no trouble", "不在话下"]

    /// No in the words of a yes: "有问题" starts with 有, which alone is yes.
    static let negativeIdioms = ["struggle", "stuck", "partly", "partial"]

    /// What a Chinese label negates or has when it speaks of a difficulty: 没 + 问题 is "no problem", a yes;
    /// 有 + 问题 a no. (Listing idioms one by one missed 无压力, 没难住他, 不含糊, 没漏洞… a probe.)
    static let troubles = ["问题", "错", "误", "难", "漏洞", "压力", "含糊", "困难", "障碍", "毛病", "差", "卡", "bug", "欠缺", "不足",
                           "吃力", "挑剔", "瑕疵", "短板"]
    static let negations = ["没有", "没", "无", "不", "未"]
    /// Words between the negation (or 有) and the difficulty: 没什么问题, 不成问题, 没答错, 有点问题.
    static let fillers = ["什么", "啥", "多大", "太大", "太", "大", "有", "成", "算", "答", "点", "一点", "些", "是", "用", "需要",
                          "出", "被", "可", "怎么"]

    /// Whether `word` is one of `leads`, perhaps a filler, then a difficulty: "不了解错误处理" is not (its
    /// 错 comes after what is negated), "没什么问题" is.
    static func speaksOfTrouble(_ word: String, after leads: [String]) -> Bool {
        guard let lead = leads.first(where: { word.hasPrefix($0) }) else { return false }
        var rest = word.dropFirst(lead.count)
        // Up to two words between (没什么大问题); a difficulty, or for a negation a no of its own (不用换题).
        for _ in 0...2 {
            if troubles.contains(where: { rest.hasPrefix($0) }) { return true }
            if leads != ["有"], negatedNos.contains(where: { rest.hasPrefix($0) }) { return true }
            guard let filler = fillers.first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(filler.count)
        }
        return false
    }

    /// Answers that are a no, negated into a yes: 不用换题, 不必跳过.
    static let negatedNos = ["换题", "跳过", "换一题", "结束"]

    static func answer(_ label: String?) -> Answer {
        guard let label else { return .unclear }
        if let common = commonAnswer(label) { return common }
        // Labels come trimmed from the reader and are mostly lower case or Chinese: skip the copies then.
        let utf8 = label.utf8
        let trimmed = utf8.first.map { $0 > 0x20 } == true && utf8.last.map { $0 > 0x20 } == true ? label : label.trimmingSpaces()
        // ＹＥＳ／ｎｏ typed with the input method's full-width letters are the ASCII words.
        let narrow = trimmed.unicodeScalars.contains { $0.value >= 0xFF21 && $0.value <= 0xFF5A } ? Self.narrowed(trimmed) : trimmed
        var word = narrow.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? narrow.lowercased() : narrow
        // `|#quot;yes#quot;|`, `|“是”|`: the word in quotation marks is still the word.
        if let first = word.unicodeScalars.first, let last = word.unicodeScalars.last, word.unicodeScalars.count > 2,
           let pair = Self.quotes[first], pair == last {
            word = String(word.unicodeScalars.dropFirst().dropLast()).trimmingSpaces()
            if let common = commonAnswer(word) { return common }
        }
        if yes.contains(word) || levelYes.contains(word) { return .yes }
        if no.contains(word) || levelNo.contains(word) { return .no }
        // "No problem", 没问题, 不错: a negation that means yes, read before the first word or the 不/没
        // prefix say no (they swapped a gate's branches, unwarned).
        if positiveIdioms.contains(where: { word.hasPrefix($0) }) { return .yes }
        if negativeIdioms.contains(where: { word.hasPrefix($0) }) { return .no }
        let first = String(word.unicodeScalars.prefix { !separators.contains($0) })
        if first != word {
            if yes.contains(first) { return .yes }
            if no.contains(first) { return .no }
        }
        if let lead = word.unicodeScalars.first, "不没未无".unicodeScalars.contains(lead) {
            // Negating a difficulty is a yes (没什么问题, 不成问题, 没答错, 无压力); anything else negated a no.
            return speaksOfTrouble(word, after: negations) ? .yes : .no
        }
        if speaksOfTrouble(word, after: ["有"]) { return .no }
        // 可以深入 / 可以跳过: what a modal leads into answers, when it does.
        if let modal = modals.first(where: { word.hasPrefix($0) }), word.count > modal.count {
            let rest = answer(String(word.dropFirst(modal.count)))
            if rest != .unclear { return rest }
        }
        // Not when a negation follows: 深入不下去 ("cannot go deeper") begins with 深入 (a recheck).
        if let lead = chineseLeads.first(where: { word.hasPrefix($0.word) }),
           !word.dropFirst(lead.word.count).unicodeScalars.contains(where: { "不没未无".unicodeScalars.contains($0) }) {
            return lead.answer
        }
        return .unclear
    }

    /// Whether a gate line's label is just the plain word for its branch, in either language (yes or 是
    /// for yes, no or 否 for no): such a line keeps no label and is drawn with the chart's own word.
    static func isPlainWord(_ label: String, for branch: Branch) -> Bool {
        switch (commonAnswer(label), branch) {
        case (.yes?, .yes), (.no?, .no): return true
        default: return false
        }
    }

    /// yes, no, 是, 否 by their bytes: most gates say one of these, and a Set lookup hashes the String.
    @inline(__always)
    private static func commonAnswer(_ label: String) -> Answer? {
        label.utf8.withContiguousStorageIfAvailable { b -> Answer? in
            switch b.count {
            case 2 where b[0] == 0x6E && b[1] == 0x6F: return .no                                   // no
            case 3 where b[0] == 0x79 && b[1] == 0x65 && b[2] == 0x73: return .yes                  // yes
            case 3 where b[0] == 0xE6 && b[1] == 0x98 && b[2] == 0xAF: return .yes                  // 是
            case 3 where b[0] == 0xE5 && b[1] == 0x90 && b[2] == 0xA6: return .no                   // 否
            default: return nil
            }
        } ?? nil
    }

    private static func narrowed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { c in
            (0xFF01...0xFF5E).contains(c.value) ? Unicode.Scalar(c.value - 0xFEE0)! : c
        }))
    }

    private static let quotes: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "'": "'", "“": "”", "‘": "’", "「": "」", "『": "』"]

    private static let separators: Set<Unicode.Scalar> = [" ", ",", ":", ";", "-", "(", "!", ".", "?", "，", "：", "；", "（", "！", "。", "？", "—", "、"]
}
