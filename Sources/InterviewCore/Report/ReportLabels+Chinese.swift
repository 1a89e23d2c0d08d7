extension ReportLabels {
    static let chinese = ReportLabels(
        reportTitle: "面试报告", feedbackTitle: "面试反馈",
        guide: "面试指南", candidate: "候选人", interviewer: "面试官", started: "开始", finished: "结束", duration: "用时", minutes: "分钟",
        summary: "总结", overall: "总分", band: "按分数的推荐结论", accuracy: "准确率", coverage: "覆盖率",
        depth: "深度", deeperShare: "深入问题覆盖", knockouts: "未通过的一票否决主题", knockoutsNotAssessed: "未考察的一票否决主题", overallCoverage: "已评分主题的覆盖率",
        incomplete: "结束时有必选阶段未开始（已确认）", topicScores: "各主题得分", topic: "主题",
        weight: "权重", score: "得分", notEntered: "未进入", derivation: "计算过程",
        question: "问题", level: "层级", status: "状态", rating: "评分", notes: "笔记", reference: "参考答案",
        skipReason: "跳过原因", gates: "决策", yes: "是", no: "否", unanswered: "未到达", path: "路径",
        chartCaption: "高亮部分为实际走过的路径。",
        dimensions: "能力维度", dimension: "维度", stages: "各阶段用时", stage: "阶段", budget: "预算",
        elapsed: "实际", requirement: "要求", required: "必选", optional: "可选", unspecified: "—",
        generalNotes: "笔记", shared: "可分享给候选人", method: "分数如何计算",
        methodText: [
            "主题得分 = 100 × Σ 评分×权重 / Σ 满分×权重，计入已评分的问题，以及“是否深入”回答“否”后未问到的问题（未展示：0分）。跳过的问题、路径分支中未选的一支、以及未到达的问题都不计入。",
            "准确率为仅按已评分问题计算的同一比例；覆盖率为已评分权重占适用权重的比例；深度为评分到的最深层级，以及深入问题被问到的比例。",
            "总分 = 已进入主题得分的加权平均（按主题权重）。分数用于辅助录用决策，决定由人做出。",
        ],
        feedback: "反馈", comments: "面试官的评语",
        disclaimer: "本反馈只反映某一天的一次交流，描述的是我们谈到的问题，而不是对你作为工程师的价值的评判。",
        interviewerStatus: [.rated: "已评分", .askedNotRated: "已问未评分", .skipped: "已跳过", .notDemonstrated: "未展示",
                            .notAsked: "未问到", .notApplicable: "不适用"],
        candidateStatus: [.rated: "已讨论", .askedNotRated: "简单讨论", .skipped: "略过", .notDemonstrated: "未深入",
                          .notAsked: "未涉及", .notApplicable: "不适用"],
        strong: "所涉及的问题回答得很好", solid: "基础扎实，但仍有欠缺", revisit: "这一方面值得再巩固",
        wentDeeper: "我们进一步讨论了深入的问题", notDeeper: "这次没有进入深入的问题",
        notFinished: "面试尚未结束：在结束前停止，得分只反映已问到的部分", skipToReport: "跳到报告", colon: "：")
}
