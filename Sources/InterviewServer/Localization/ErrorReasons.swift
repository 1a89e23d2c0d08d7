import Flowchart
import Vapor

/// The `reason` of an API error in the caller's language. Our own reasons are written in English where
/// they are thrown; each has its Chinese here. A bare status (`Abort(.notFound)`) has Vapor's English
/// reason phrase, answered by status. Anything else is Vapor's own technical detail (a body that is not
/// JSON, a key missing from it): in Chinese, what failed is said in Chinese and the detail follows.
/// The console shows these to its user after "拒绝：", so an English sentence there was a Chinese page
/// speaking English.
enum ErrorReasons {
    static func localized(_ reason: String, status: HTTPResponseStatus, language: Language) -> String {
        guard language == .zh else { return reason }
        if let chinese = ours[reason] { return chinese }
        if reason == status.reasonPhrase, let chinese = byStatus[status.code] { return chinese }
        if ChineseText.appears(in: reason) { return reason }
        return "请求无法处理：" + reason
    }

    private static let ours: [String: String] = [
        "Invalid input.": "输入有误。",
        "Sign in first.": "请先登录。",
        "Missing or wrong CSRF token.": "缺少 CSRF 令牌，或令牌不正确。",
        "Only the interview's interviewers can score it.": "只有本场面试的面试官可以评分。",
        "Sign in first: bodies from callers who are not signed in are limited to 64 KB.": "请先登录：未登录时请求正文不得超过 64 KB。",
        "The candidate's personal data has been erased.": "候选人的个人数据已被删除。",
        "The console's socket opens only from this site's pages.": "控制台的连接只能从本站的页面打开。",
        "The scorecard is being written from elsewhere; try again.": "评分卡正在别处写入，请重试。",
        "The server is shutting down; try again.": "服务器正在关闭，请稍后重试。",
        "This address is the console's WebSocket: open it as one.": "此地址是控制台的 WebSocket，请以 WebSocket 方式打开。",
        "clientID must be 8–64 letters, digits, '-' or '_'.": "clientID 必须由 8–64 个字母、数字、'-' 或 '_' 组成。",
        "the note is longer than 20,000 characters": "笔记超过 20,000 个字符",
        "Something went wrong.": "出错了。",
        PanelistRemoval.submitted: "已提交的评分卡属于面试记录：提交者留在面试小组中。",
        PanelistRemoval.lastOne: "不能移出面试的唯一面试官：请改为取消这场面试。",
        PanelistAddition.closed: "已完成或已取消的面试不能再添加面试官。",
        PanelistRemoval.ownCardFirst: "请先提交你自己对这位候选人的评分卡：在此之前，面试小组的评分卡你既不能查看，也不能移除。",
        DecisionService.ownCardFirst: "请先提交你自己对这位候选人的评分卡：录用决定要在看到所有评分卡之后做出。",
        StorageTrouble.unavailable.reason: "数据库没有响应，未保存任何内容。请过几秒再试。",
        StorageTrouble.diskFull.reason: "服务器磁盘已满，未保存任何内容。请在腾出空间后再试。",
    ]

    /// Every reason of ours that has Chinese, for the tests.
    static var translated: [String] { Array(ours.keys) }

    private static let byStatus: [UInt: String] = [
        400: "请求有误。", 401: "请先登录。", 403: "无权进行此操作。", 404: "未找到。", 405: "不支持此请求方法。",
        409: "与当前状态冲突。", 413: "请求正文过大。", 415: "不支持的内容类型。", 422: "输入有误。",
        429: "请求过于频繁，请稍后再试。", 500: "出错了。", 503: "服务暂时不可用，请稍后再试。",
    ]
}
