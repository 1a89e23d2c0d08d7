/// The audit trails' codes in words, for the audit page. The trails themselves (and their JSON export)
/// keep the codes, which are stable for tools; the page shows the words and keeps the code as a hint.
enum AuditText {
    /// An event kind (`login.failed`) or a candidate-data action (`erase`) in the reader's language.
    static func kind(_ code: String, _ language: Language) -> String {
        guard let pair = kinds[code] else { return code }
        return language == .zh ? pair.zh : pair.en
    }

    /// A detail the server wrote, in the reader's language: a fixed word ("interview report"), a change
    /// "interviewer -> hiring_manager" / "scheduled -> cancelled" / "kept -> 30 days" with each side named
    /// as the pages name it, "role admin", a decision's outcome, a restore. Anything else (a user's id,
    /// which the page turns into a name) as it is.
    static func detail(_ text: String, _ language: Language) -> String {
        if let zh = details[text] { return language == .zh ? zh : text }
        if let arrow = text.range(of: " -> ") {
            return value(String(text[..<arrow.lowerBound]), language) + " → " + value(String(text[arrow.upperBound...]), language)
        }
        if text.hasPrefix("retention ") {
            return (language == .zh ? "保留期限：" : "retention: ") + value(String(text.dropFirst(10)), language)
        }
        if text.hasPrefix("role "), let role = Role(rawValue: String(text.dropFirst(5))) {
            return (language == .zh ? "角色：" : "role: ") + role.label(language)
        }
        if let outcome = CandidateDecision.Outcome(rawValue: text) { return outcome.label(language) }
        guard language == .zh else { return text }
        if let match = text.wholeMatch(of: restored) {
            var zh = "恢复于 \(match.1)；重新删除 \(match.2) 位候选人"
            if let count = match.3, let kept = match.5 {
                zh += "；此备份之后写入的 \(count) 条安全记录" + (match.4.map { "（自 \($0) 起）" } ?? "") + "不在恢复后的记录中；它们保留在 \(kept) 中"
            }
            return zh
        }
        if let match = text.wholeMatch(of: erasedAgain) {
            return "恢复备份后再次删除（首次删除于 \(match.1)" + (match.2.map { "，删除者 \($0)" } ?? "") + "）"
        }
        if text.hasSuffix(draftDiscarded) { return String(text.dropLast(draftDiscarded.count)) + "；其未提交的评分卡草稿已删除" }
        // A candidate's fields changed, or a card's step: "name,contact", "scorecard submitted".
        let fields = text.split(separator: ",").map { details[String($0)] }
        if !fields.isEmpty, fields.allSatisfy({ $0 != nil }) { return fields.compactMap { $0 }.joined(separator: "、") }
        return text
    }

    /// Said of a panelist taken off a panel whose unsubmitted card went with them.
    static let draftDiscarded = "; their draft scorecard was discarded"

    /// `ErasureLedger`'s restore entry, with `RestoredTrailGap.text`'s English when the trail lost entries.
    private nonisolated(unsafe) static let restored = #/restored (\S+); erased again: (\d+)(?:; (\d+) security trail entr(?:y|ies) written after this backup(?: \(from (\S+)\))? (?:is|are) not in the restored trail; (?:it is|they are) kept in (.+))?/#
    /// `ErasureLedger`'s re-erasure entry: "again after a restore (first erased <time> by <who>)".
    private nonisolated(unsafe) static let erasedAgain = #/again after a restore \(first erased (\S+)(?: by (.+))?\)/#

    /// One side of a change: a role, an interview status, or a retention period.
    private static func value(_ text: String, _ language: Language) -> String {
        if let role = Role(rawValue: text) { return role.label(language) }
        if let status = Interview.Status(rawValue: text) { return status.label(language) }
        if text == "kept" { return language == .zh ? "不限期保留" : "kept (no limit)" }
        if text.hasSuffix(" days"), let days = Int(text.dropLast(5)) { return language == .zh ? "\(days) 天" : text }
        return text
    }

    private static let kinds: [String: (en: String, zh: String)] = [
        "login.succeeded": ("signed in", "登录成功"),
        "login.failed": ("sign-in failed", "登录失败"),
        "login.locked": ("sign-in locked", "登录被锁定"),
        "logout": ("signed out", "退出登录"),
        "sessions.ended": ("sessions ended", "会话已结束"),
        "password.changed": ("password changed", "修改密码"),
        "password.reset": ("password set by an admin", "管理员重设密码"),
        "account.changed": ("name or email changed", "修改姓名或邮箱"),
        "admin.created": ("first admin created", "创建首个管理员"),
        "user.created": ("account created", "创建账户"),
        "role.changed": ("role changed", "角色变更"),
        "user.deactivated": ("account deactivated", "停用账户"),
        "user.reactivated": ("account reactivated", "恢复账户"),
        "member.added": ("member added", "添加成员"),
        "member.removed": ("member removed", "移除成员"),
        "guide.created": ("guide uploaded", "上传指南"),
        "guide.edited": ("guide version saved", "保存指南新版本"),
        "retention.changed": ("retention changed", "修改保留期限"),
        "position.created": ("position created", "创建职位"),
        "candidate.exported": ("candidate exported", "导出候选人数据"),
        "candidate.erased": ("candidate erased", "删除候选人数据"),
        "interview.status": ("interview status changed", "面试状态变更"),
        "interview.rescheduled": ("interview moved to another time", "面试改期"),
        "panelist.removed": ("interviewer taken off a panel", "将面试官移出面试小组"),
        "panelist.added": ("interviewer added to a panel", "为面试小组添加面试官"),
        "lockout.lifted": ("sign-in lockout of an address lifted", "解除某地址的登录锁定"),
        "decision.recorded": ("decision recorded", "记录录用决定"),
        "database.restored": ("database restored from a backup", "从备份恢复数据库"),
        "create": ("created", "创建"),
        "read": ("read", "查看"),
        "update": ("changed", "修改"),
        "export": ("exported", "导出"),
        "erase": ("erased", "删除"),
    ]

    private static let details: [String: String] = [
        "interview report": "面试报告",
        GuideService.savedWithErrors: "连同检查错误一起保存",
        "interview console": "面试控制台",
        "debrief": "面试讨论汇总",
        "decision": "录用决定",
        "retention": "保留期限到期",
        "request": "应要求",
        "account": "按账户",
        "address": "按地址",
        "other sessions ended": "其他会话已结束",
        "sessions ended": "会话已结束",
        "name": "姓名",
        "email": "邮箱",
        "name, email": "姓名、邮箱",
        "again after a restore": "恢复备份后再次删除",
        "unknown account": "账户不存在",
        "deactivated": "账户已停用",
        "from the command line": "通过命令行",
        "current password wrong": "当前密码错误",
        "scorecard submitted": "提交评分卡",
        "scorecard revised": "修订评分卡",
        "contact": "联系方式",
        "resumeText": "简历文字",
        "resume.pdf": "简历 PDF",
        "notes": "备注",
        "created": "创建",
        "wrong password": "密码错误",
    ]
}
