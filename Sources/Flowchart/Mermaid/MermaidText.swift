/// Every Mermaid finding's text, in English and Chinese, in one place so the two stay in step.
enum MermaidText {
    static let missingHeader = LocalizedText(
        en: "a Mermaid flowchart starts with 'flowchart TD' (or graph, with TD, TB, BT, LR or RL); read as top-down",
        zh: "Mermaid 流程图须以 'flowchart TD' 开头（或 graph，方向为 TD、TB、BT、LR、RL 之一）；已按自上而下读取")

    static func misspeltHeader(_ written: String, _ meant: String) -> LocalizedText {
        LocalizedText(en: "'\(written)' is not a Mermaid diagram type; did you mean '\(meant)'? Read as '\(meant)'",
                      zh: "'\(written)' 不是 Mermaid 的图表类型；是否想写 '\(meant)'？已按 '\(meant)' 读取")
    }

    /// The header keyword a misspelt first word was meant to be: the same in another case, or a near
    /// miss (`flowchar`, `grph`); nil for a word that is not close, such as a node id.
    static func closestHeader(_ written: String) -> String? {
        let lower = written.lowercased()
        if ["flowchart", "graph", "flowchart-elk"].contains(lower) { return lower }
        // The word in Chinese (流程图 TD): what it names, as a misspelling would be.
        if ["流程图", "流程", "图"].contains(written) { return "flowchart" }
        guard written.count >= 4 else { return nil }
        return Suggestions.closest(to: lower, in: ["flowchart", "graph"], maxDistance: lower.count >= 7 ? 2 : 1)
    }

    static let endAsNodeID = LocalizedText(
        en: "'end' in lowercase closes a subgraph, and Mermaid cannot draw a node of that name; write 'End' or 'END'",
        zh: "小写的 'end' 用于结束子图，Mermaid 无法绘制这个名字的节点；请写成 'End' 或 'END'")

    static func keywordAsNodeID(_ word: String) -> LocalizedText {
        LocalizedText(en: "'\(word)' is a Mermaid keyword, and Mermaid cannot draw a node of that name (the line fails to draw); give the node another id, such as '\(word)_'",
                      zh: "'\(word)' 是 Mermaid 的关键字，Mermaid 无法绘制这个名字的节点（这一行会画不出来）；请给节点换个 id，例如 '\(word)_'")
    }

    static func unexpected(_ text: String) -> LocalizedText {
        LocalizedText(en: "cannot read '\(text)' here; the rest of the statement is skipped",
                      zh: "此处无法读取 '\(text)'；本语句其余部分已跳过")
    }

    static func textAfterQuote(_ text: String) -> LocalizedText {
        LocalizedText(en: "'\(text)' follows the closing quote of the label; write a quote inside a label as #quot;",
                      zh: "标签的结束引号之后还有 '\(text)'；标签内的引号请写成 #quot;")
    }

    static func tooManyPairs(_ left: Int, _ right: Int, limit: Int) -> LocalizedText {
        LocalizedText(en: "\(left) × \(right) nodes joined by '&' would take the links '&' makes in this chart past \(limit); the statement is skipped",
                      zh: "用 '&' 连接的 \(left) × \(right) 个节点会使本图中由 '&' 产生的连线超过 \(limit) 条；本语句已跳过")
    }

    static func expectedArrow(_ text: String) -> LocalizedText {
        LocalizedText(en: "expected a link such as '-->' before '\(text)'",
                      zh: "'\(text)' 之前应有连线，例如 '-->'")
    }

    static func mistakenArrow(_ arrow: String) -> LocalizedText {
        LocalizedText(en: "'\(arrow)' is not a Mermaid link; write '-->' (or '---', '-.->', '==>')",
                      zh: "'\(arrow)' 不是 Mermaid 连线；请写 '-->'（或 '---'、'-.->'、'==>'）")
    }

    static func expectedNode(_ text: String) -> LocalizedText {
        // At the end of the line (`A --> B &`) there is no text to quote: say where it is missing.
        if text.isEmpty {
            return LocalizedText(en: "expected a node id here, at the end of the line; ids are letters, digits, '_' or Chinese",
                                 zh: "此处（行末）应有节点 id；id 由字母、数字、'_' 或中文组成")
        }
        return LocalizedText(en: "expected a node id before '\(text)'; ids are letters, digits, '_' or Chinese",
                      zh: "'\(text)' 之前应有节点 id；id 由字母、数字、'_' 或中文组成")
    }

    static let arrowWithoutTarget = LocalizedText(
        en: "this link leads nowhere: add the node it goes to",
        zh: "这条连线没有终点：请写上它连到的节点")

    static func unclosed(_ opener: String, closer: String) -> LocalizedText {
        LocalizedText(en: "'\(opener)' is never closed; add '\(closer)'",
                      zh: "'\(opener)' 没有闭合；请补上 '\(closer)'")
    }

    static func textAfterMarkdownString(_ text: String) -> LocalizedText {
        LocalizedText(en: "a Markdown string ends with a backtick and a quote together, and '\(text)' stands between them; move the backtick after it",
                      zh: "Markdown 字符串以反引号紧接引号结束，而“\(text)”夹在两者之间；请把反引号移到它后面")
    }

    static func unclosedLinkText(_ opener: String) -> LocalizedText {
        LocalizedText(en: "the link text after '\(opener)' has no closing arrow such as '-->' on this line",
                      zh: "'\(opener)' 之后的连线文字在本行没有收尾的箭头（例如 '-->'）")
    }

    static func unclosedSubgraph(_ id: String) -> LocalizedText {
        LocalizedText(en: "subgraph '\(id)' is never closed; add 'end'",
                      zh: "子图 '\(id)' 没有结束；请补上 'end'")
    }

    static let unmatchedEnd = LocalizedText(
        en: "'end' without an open subgraph; remove it (a node called end must be written End or \"end\")",
        zh: "'end' 没有对应的子图；请删除它（名为 end 的节点须写成 End 或 \"end\"）")

    static func unknownDirection(_ written: String, guess: String) -> LocalizedText {
        LocalizedText(en: "'\(written)' is not a direction; use TD, TB, BT, LR or RL — read as '\(guess)'",
                      zh: "'\(written)' 不是方向；请用 TD、TB、BT、LR 或 RL——已按 '\(guess)' 读取")
    }

    static func unknownShape(_ written: String, guess: String?) -> LocalizedText {
        if let guess {
            return LocalizedText(en: "unknown shape '\(written)' — did you mean '\(guess)'? It is read as '\(guess)'",
                                 zh: "未知形状 '\(written)'——是不是 '\(guess)'？已按 '\(guess)' 读取")
        }
        return LocalizedText(en: "unknown shape '\(written)', drawn as a box", zh: "未知形状 '\(written)'，按方框绘制")
    }

    static let unquotedParentheses = LocalizedText(
        en: "Mermaid rejects parentheses in an unquoted label; put the label in quotes",
        zh: "Mermaid 不接受未加引号的标签中的括号；请给标签加上引号")

    static let classWithoutName = LocalizedText(
        en: "'class' needs node ids and a class name: 'class a,b name'",
        zh: "'class' 需要节点 id 和类名：'class a,b name'")

    static func badLinkNumber(_ written: String) -> LocalizedText {
        LocalizedText(en: "'\(written)' is not a link number; linkStyle counts links from 0, or takes 'default'",
                      zh: "'\(written)' 不是连线编号；linkStyle 从 0 开始给连线编号，或写 'default'")
    }

    static func clickWithoutTarget(_ id: String) -> LocalizedText {
        LocalizedText(en: "'click \(id)' needs a link (\"https://…\") or a callback name",
                      zh: "'click \(id)' 需要一个链接（\"https://…\"）或回调函数名")
    }

    static func fullWidthSyntax(_ character: String, in id: String, meant: String) -> LocalizedText {
        LocalizedText(
            en: "'\(character)' is full-width punctuation (an input method's), which Mermaid reads as part of the node id '\(id)'; write '\(meant)'",
            zh: "'\(character)' 是全角标点（输入法输入的），Mermaid 会把它当作节点 id '\(id)' 的一部分；请写成 '\(meant)'")
    }

    static func curlyQuotes(_ written: String, meant: String) -> LocalizedText {
        LocalizedText(en: "the label \(written) is in an input method's quotation marks, which Mermaid shows as text; its quotes are \(meant)",
                      zh: "标签 \(written) 用了输入法的引号，Mermaid 会把它们当作文字显示；Mermaid 的引号要写成 \(meant)")
    }

    static func fullWidthColon(_ key: String) -> LocalizedText {
        LocalizedText(en: "'\(key)：' is written with a full-width colon (an input method's); Mermaid's shape data is written '\(key):'",
                      zh: "'\(key)：' 用了全角冒号（输入法输入的）；Mermaid 的形状数据要写成 '\(key):'")
    }

    static func fullWidthLabel(_ written: String, meant: String) -> LocalizedText {
        LocalizedText(
            en: "'\(written)' is written with full-width bars (an input method's); a line's label is written '\(meant)'",
            zh: "'\(written)' 用了全角竖线（输入法输入的）；连线的标签要写成 '\(meant)'")
    }

    static func fullWidthArrow(_ written: String, meant: String) -> LocalizedText {
        LocalizedText(
            en: "'\(written)' is typed with full-width punctuation (an input method's); Mermaid's syntax here is '\(meant)'",
            zh: "'\(written)' 用了全角标点（输入法输入的）；这里的 Mermaid 语法要写成 '\(meant)'")
    }

    static func decoratesUnknownNode(_ id: String) -> LocalizedText {
        LocalizedText(en: "no node or subgraph '\(id)' is written anywhere in the chart; the style, class or link is not applied",
                      zh: "整个流程图中都没有节点或子图 '\(id)'；样式、类或链接未生效")
    }

    static func duplicateSubgraph(_ id: String, _ renamed: String) -> LocalizedText {
        LocalizedText(en: "subgraph '\(id)' is already opened above; a link to '\(id)' means the first one, and this one is drawn as '\(renamed)' — give it an id of its own",
                      zh: "子图 '\(id)' 在前面已经出现过；连向 '\(id)' 的连线指的是第一个，这一个按 '\(renamed)' 画出——请给它一个自己的 id")
    }

    static func relabelled(_ id: String, was: String, at first: SourcePosition) -> LocalizedText {
        let shown = was.count > 40 ? String(was.prefix(40)) + "…" : was
        return LocalizedText(
            en: "'\(id)' already has the label '\(shown)' (line \(first.line), column \(first.column)); this one replaces it, so that question is never asked — give this node an id of its own",
            zh: "'\(id)' 已有标签“\(shown)”（第 \(first.line) 行第 \(first.column) 列）；这里的标签会替换它，那个问题就不会被问到——请给这个节点一个自己的 id")
    }

    static func nodeHidesSubgraph(_ id: String, at opened: SourcePosition) -> LocalizedText {
        LocalizedText(
            en: "'\(id)' is already a subgraph (line \(opened.line)); a node with the same id takes the links meant for it, and the subgraph's questions are never reached — give one of them another id",
            zh: "'\(id)' 已经是一个子图（第 \(opened.line) 行）；同名的节点会接走指向子图的连线，子图里的问题就永远到不了——请给其中一个换个 id")
    }

    static func gluedArrowHead(word: String, head: String, rest: String) -> LocalizedText {
        let shape = head == "o" ? "circle" : "cross"
        let zhShape = head == "o" ? "圆点" : "叉号"
        return LocalizedText(
            en: "'\(word)' right after a line is read as Mermaid reads it: a \(shape) end ('\(head)') and a node '\(rest)'; for a node '\(word)', put a space before it",
            zh: "紧跟在连线后的 '\(word)' 会按 Mermaid 的规则读取：\(zhShape)端点（'\(head)'）加节点 '\(rest)'；若指的是节点 '\(word)'，请在它前面加一个空格")
    }

    static func noSuchLink(_ number: Int, _ count: Int) -> LocalizedText {
        LocalizedText(en: "linkStyle \(number): the chart has \(count) link\(count == 1 ? "" : "s"), numbered from 0; this style is left out",
                      zh: "linkStyle \(number)：本图只有 \(count) 条连线（从 0 开始编号）；这条样式已忽略")
    }

    static func questionReadAsEnd(_ id: String, _ text: String) -> LocalizedText {
        LocalizedText(en: "'\(id)' is a stadium or circle with no line out, so it is read as the end of the chart and '\(text)' is never asked; draw a question as a box, \(id)[…], or give the end a word such as End",
                      zh: "'\(id)' 是没有连出线的圆角或圆形节点，因此被读作流程图的终点，'\(text)' 永远不会被问到；问题请画成方框 \(id)[…]，终点请写成“结束”这样的词")
    }

    static func questionReadAsStart(_ id: String, _ text: String) -> LocalizedText {
        // A start named S before a question named S would be a line from S to itself.
        let start = id == "S" ? "S0" : "S"
        return LocalizedText(en: "'\(id)' is a stadium or circle that nothing leads to, so it is read as the start of the chart and '\(text)' is never asked; draw a question as a box, \(id)[…], after a start: \(start)([Start]) --> \(id)",
                             zh: "'\(id)' 是没有连入线的圆角或圆形节点，因此被读作流程图的起点，'\(text)' 永远不会被问到；问题请画成方框 \(id)[…]，放在起点之后：\(start)([开始]) --> \(id)")
    }

    static func bareQuestion(_ id: String, meant: String) -> LocalizedText {
        return LocalizedText(en: "'\(id)' has no text of its own, so the interview asks '\(id)' as a question; did you mean '\(meant)', which nothing leads to?",
                             zh: "'\(id)' 没有自己的文字，面试时会把 '\(id)' 当作一道题来问；是不是想写 '\(meant)'（现在没有任何连线指向它）？")
    }

    static func boxReadAsGate(_ id: String) -> LocalizedText {
        LocalizedText(en: "'\(id)' is drawn as a box but its two lines are labelled yes and no, so it is read as a gate: answered yes or no, not rated; draw it as \(id){…} to say so",
                      zh: "'\(id)' 画成了方框，但它的两条出线分别标为“是”和“否”，因此按判断节点读取：回答是或否，不评分；请画成 \(id){…} 以明确这一点")
    }

    static func emptySubgraph(_ id: String) -> LocalizedText {
        LocalizedText(en: "subgraph '\(id)' has no nodes, so a link to or from it leads nowhere and is left out",
                      zh: "子图 '\(id)' 中没有节点，连向它或从它出发的连线无处可去，已忽略")
    }

    /// `word`: the branch as the fix writes it, in the chart's language (是/否 in a Chinese chart).
    static func gateMissing(_ id: String, _ branch: Branch, word: String) -> LocalizedText {
        let zhBranch = branch == .yes ? "是" : "否"
        return LocalizedText(
            en: "gate '\(id)' has no '\(branch.rawValue)' line, so answering \(branch.rawValue) ends the topic there; add '\(id) -->|\(word)| …'",
            zh: "判断节点 '\(id)' 缺少 '\(zhBranch)'（\(branch.rawValue)）分支，回答“\(zhBranch)”后本主题就此结束；请添加 '\(id) -->|\(word)| …'")
    }

    static func gateUnclear(_ id: String, first: String) -> LocalizedText {
        LocalizedText(
            en: "the labels on gate '\(id)' say neither yes nor no; the first line (to '\(first)') is taken as yes — label the lines yes/no (or 是/否)",
            zh: "判断节点 '\(id)' 的连线标签既不是“是”也不是“否”；已把第一条（连到 '\(first)'）当作“是”——请把连线标为 是/否（或 yes/no）")
    }

    /// `word`: yes/no in the chart's own language, as the fix writes it.
    static func unlabelledGateEdge(_ id: String, to: String, meaning: Branch, word: String) -> LocalizedText {
        LocalizedText(
            en: "the line from gate '\(id)' to '\(to)' has no label; read as '\(meaning.rawValue)' — write '-->|\(word)|'",
            zh: "从判断节点 '\(id)' 到 '\(to)' 的连线没有标签；已按“\(meaning == .yes ? "是" : "否")”读取——请写成 '-->|\(word)|'")
    }

    static func duplicateGateLabel(_ id: String, label: String, to: String, meaning: String? = nil, first: String? = nil) -> LocalizedText {
        if let meaning, let first, first != label {
            return LocalizedText(
                en: "gate '\(id)': the lines '\(first)' and '\(label)' (to '\(to)') are both read as '\(meaning)'; an answer can lead one way only — this line is left out: label one of them with the other answer",
                zh: "判断节点 '\(id)'：连线“\(first)”和“\(label)”（连到 '\(to)'）都被读作“\(meaning)”；一个回答只能走一条路——这条连线已忽略：请把其中一条改标为另一个回答")
        }
        return LocalizedText(
            en: "gate '\(id)' has a second line meaning '\(label)' (to '\(to)'); an answer can lead one way only — this line is left out",
            zh: "判断节点 '\(id)' 有第二条表示“\(label)”的连线（连到 '\(to)'）；一个回答只能走一条路——这条连线已忽略")
    }

    static func tooManyBranches(_ id: String, count: Int, limit: Int) -> LocalizedText {
        if limit == 2 {
            return LocalizedText(
                en: "gate '\(id)' has \(count) lines out but can only have yes and no; chain a second gate for the third way",
                zh: "判断节点 '\(id)' 有 \(count) 条出线，但只能有“是”和“否”；第三条路请再接一个判断节点")
        }
        return LocalizedText(
            en: "'\(id)' forks into \(count) lines, at most \(limit) are possible; lines after the third are left out — fork into a second node (e.g. '\(id)_more')",
            zh: "'\(id)' 分出 \(count) 条连线，最多只能 \(limit) 条；第三条之后的已忽略——请分到第二个节点（例如 '\(id)_more'）")
    }

    static func questionForks(_ id: String, paths: [String], lines: Int) -> LocalizedText {
        let kept = lines > paths.count
            ? LocalizedText(en: " (the first \(paths.count) of its \(lines) lines)", zh: "（\(lines) 条中的前 \(paths.count) 条）")
            : LocalizedText(en: "", zh: "")
        return LocalizedText(
            en: "question '\(id)' has \(lines) lines out: it is asked, then its paths are asked one after another, in written order (\(paths.joined(separator: ", "))\(kept.en)); to choose one path by the answer, make it a gate {…}; for an instruction, draw it as \(id)@{ shape: fork }",
            zh: "问题 '\(id)' 有 \(lines) 条出线：先问这个问题，再按书写顺序依次问各条路径（\(paths.joined(separator: "、"))\(kept.zh)）；若要按回答只走一条路，请改为判断节点 {…}；若只是说明，请画成 \(id)@{ shape: fork }")
    }

    /// `root`: nothing leads to it. `besideStart`: it is written on the chart's first line beside the start,
    /// a question (`A & B --> C`: the chart starts at A), and a start before both is the repair; otherwise
    /// a line from the question it follows.
    static func unreachable(_ id: String, start: String, root: Bool = false, besideStart: Bool = false) -> LocalizedText {
        let base = LocalizedText(en: "'\(id)' cannot be reached from the start '\(start)'; the interview never asks it",
                                 zh: "从起点 '\(start)' 无法到达 '\(id)'；面试中永远不会问到它")
        guard root else { return base }
        if besideStart {
            return base + LocalizedText(en: " — nothing leads to it: put a start before both, S([Start]) --> \(start) & \(id)",
                                        zh: "——没有任何连线指向它：请在两者之前加一个起点 S([开始]) --> \(start) & \(id)")
        }
        return base + LocalizedText(en: " — nothing leads to it: draw a line to it from the question it follows (… --> \(id))",
                                    zh: "——没有任何连线指向它：请从它前面的问题画一条线指向它（… --> \(id)）")
    }

    static func unreachableByLeftOutLine(_ id: String, start: String) -> LocalizedText {
        unreachable(id, start: start) + LocalizedText(en: " — the line drawn to it was left out: see the error on that line",
                                                      zh: "——画向它的连线已被忽略：见那条连线上的错误")
    }

    static func unreachableBehindLeftOutLine(_ id: String, start: String, cutOff: String) -> LocalizedText {
        unreachable(id, start: start) + LocalizedText(en: " — it is reached through '\(cutOff)', whose line in was left out: see the error on that line",
                                                      zh: "——它要经过 '\(cutOff)' 才能到达，而画向 '\(cutOff)' 的连线已被忽略：见那条连线上的错误")
    }

    static func untiedNote(_ id: String) -> LocalizedText {
        LocalizedText(en: "note '\(id)' is tied to nothing, so the interview shows it nowhere: link it to the question it is about (\(id) -.- …)",
                      zh: "注释 '\(id)' 没有连到任何节点，面试中不会显示：请把它连到它所说明的问题（\(id) -.- …）")
    }

    static func noteOnMarker(_ id: String, marker: String) -> LocalizedText {
        LocalizedText(en: "note '\(id)' is tied to '\(marker)', the chart's start or end, which the interview does not show, so neither is the note: tie it to the question it is about",
                      zh: "注释 '\(id)' 连到了流程图的起点或终点 '\(marker)'，面试中不显示起点和终点，因此也不会显示这条注释：请把它连到它所说明的问题")
    }

    static func noteTiedTwice(_ id: String, first: String, second: String) -> LocalizedText {
        LocalizedText(en: "note '\(id)' is tied to '\(first)' already; the interview shows it beside '\(first)' only, not '\(second)': give '\(second)' a note of its own",
                      zh: "注释 '\(id)' 已连到 '\(first)'；面试中只在 '\(first)' 旁显示，不在 '\(second)' 旁显示：请为 '\(second)' 单独写一条注释")
    }

    static func closestDirection(_ written: String) -> String? {
        let upper = written.uppercased()
        if upper.hasPrefix("TOP") || upper == "DOWN" || upper == "DT" || upper == "T" { return "TD" }
        if upper.hasPrefix("LEFT") || upper == "RIGHT" || upper == "L" || upper == "HR" { return "LR" }
        if upper.hasPrefix("BOTTOM") || upper == "UP" || upper == "B" { return "BT" }
        return Suggestions.closest(to: upper, in: ["TD", "TB", "BT", "LR", "RL"], maxDistance: 1)
    }
}

extension MermaidDirection {
    static func fromKeyword(_ keyword: String) -> MermaidDirection? {
        switch keyword {
        case "TD", "TB": .topDown
        case "BT": .bottomUp
        case "LR": .leftRight
        case "RL": .rightLeft
        default: nil
        }
    }
}
