import Foundation
import InterviewCore

/// A hand-built copy of the seed guide's shape (../shared/seed): its stages and requirements, and its
/// Redis, MySQL and TCP/IP topics exactly as charted there, plus its open questions as a pick list.
enum SessionTestGuide {
    static let redis = SessionTestChart(nodes: [
        ("st", "start", "Start"),
        ("op1", "operation", "redis的常用数据类型(string/hash/list/set&zset)"),
        ("op2", "operation", "redis数据如何持久化(RDB/AOF/混合模式)"),
        ("op3", "operation", "redis的缓存策略(noeviction/allkeys-lru/volatile-ttl)"),
        ("op4", "operation", "redis的有序集合的底层实现(跳表skiplist)"),
        ("op5", "operation", "redis的集群搭建(主从,哨兵,cluster)"),
        ("op6", "operation", "redis是否支持事务(开放式问题multi)"),
        ("op7", "operation", "深入问题使用过分布式锁吗？(单节点实现，多节点实现redlock)"),
        ("cond1", "condition", "是否需要深入redis?"),
        ("e", "end", ""),
    ], links: ["st->op1->op2->op3->cond1", "cond1(yes)->op4->op5->op6->op7->e", "cond1(no)->e"])

    static let mysql = SessionTestChart(nodes: [
        ("st", "start", "Start"),
        ("op1", "operation", "是否熟悉SQL? where & having 区别"),
        ("op2", "operation", "mysql的有哪些存储引擎"),
        ("op3", "operation", "事务的四个特征ACID(redo log, undo log, 读写锁，MVCC)"),
        ("op4", "operation", "如何优化mysql的query,explain,slow query log"),
        ("op5", "operation", "索引的问题(实现，索引类型，组合索引，覆盖索引)"),
        ("op6", "operation", "事务的底层实现,mysql如何做到原子性(undo log)"),
        ("op7", "operation", "innodb底层实现，什么是回表(B+树，B树，hash索引)"),
        ("op8", "operation", "列举索引失效的原因"),
        ("op9", "operation", "事务的隔离级别(Read uncommitted, Read committed, Repeatable read, Serializable)"),
        ("cond1", "condition", "是否继续深入mysql?"),
        ("e", "end", ""),
    ], links: ["st->op1->op2->op3->op4->op5->cond1", "cond1(yes)->op6->op7->op8->op9->e", "cond1(no)->e"])

    static let tcp = SessionTestChart(nodes: [
        ("st", "start", "Start"),
        ("op1", "operation", "介绍下TCP/IP协议分为几层，每层分别是什么，什么是ISO网络模型"),
        ("op2", "operation", "详细描述下TCP/IP三次握手。"),
        ("op3", "operation", "为什么TCP/IP建立连接需要三次握手，为什么不能是2次？"),
        ("op4", "operation", "详细介绍下TCP/IP四次握手，什么是TIME_WAIT状态"),
        ("cond1", "condition", "是否深入？"),
        ("e", "end", ""),
    ], links: ["st->op1->op2->cond1", "cond1(yes)->op3", "cond1(no)->op4", "op3->op4->e"])

    static let openQuestions = SessionTestChart(nodes: [
        ("st", "start", "Start"),
        ("op1", "operation", "如何处理日志，清理日志(ETL)。"),
        ("op2", "operation", "浏览器发起请求后，不能正确得到服务器相应结果,如何debug"),
        ("op3", "operation", "某段python代码运行很慢，主要消耗CPU，如何优化"),
        ("op4", "operation", "什么是IO多路复用，epoll，边缘触发ET/水平触发LT。"),
        ("e", "end", ""),
    ], links: ["st->op1->op2->op3->op4->e"])

    static let hash = "seed-like-test-guide"

    static func guide(knockout: Double? = nil) -> Guide {
        let stage3 = Stage(number: "3", title: "技术面试问题", requirement: .required, minutes: 40, topics: [
            redis.topic("3.2.1", "redis的问题", dimensions: ["op1": ["缓存"], "op4": ["缓存", "数据结构"]]),
            mysql.topic("3.2.2", "mysql的问题", weight: 1.5, knockout: knockout),
            tcp.topic("3.5.1", "TCP/IP相关问题"),
            openQuestions.topic("3.6", "一些开放式技术问题", pickList: true),
        ])
        return Guide(id: "seed-like", title: "后端面试流程归纳总结", language: "zh", stages: [
            Stage(number: "0", title: "看候选人简历", minutes: 3),
            Stage(number: "1", title: "请面试者做基本介绍", requirement: .required, minutes: 5),
            Stage(number: "2", title: "热场", minutes: 3, questions: [
                StageQuestion(number: "2.1", text: "询问面试者自己的优点和缺点"),
                StageQuestion(number: "2.2", text: "询问面试者有没有获得过个人奖项"),
            ]),
            stage3,
            Stage(number: "4", title: "请介绍自己满意的项目", requirement: .optional, minutes: 7),
            Stage(number: "5", title: "询问面试者有什么问题", requirement: .required, minutes: 5),
        ])
    }

    static let t0 = Date(timeIntervalSince1970: 1_740_820_000)

    /// A guide of one required stage with one topic, 1.1, drawn by the Mermaid `edges` given (after
    /// `S([Start]) --> Q1[Design a URL shortener]`), for the engine's tests of one chart's shape.
    static func oneTopic(_ edges: String) -> Guide { importOneTopic(edges).guide }

    /// `oneTopic`'s import, findings and all: its edges start at line 7 of the Markdown.
    static func importOneTopic(_ edges: String) -> ImportedGuide {
        let chart = edges.split(separator: "\n").map { "    " + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
        return GuideImporter.importMarkdown("""
            # G
            ### 1.Tech
            #### 1.1 Design
            ```mermaid
            flowchart TD
                S([Start]) --> Q1[Design a URL shortener]
            \(chart)
            ```
            """)
    }

    static var started: SessionEvent.Kind {
        .started(SessionStart(guideID: "seed-like", guideHash: hash, guideTitle: "后端面试流程归纳总结", candidate: "C-017"))
    }
}
