/// A skip recorded without a reason is stored with a stock one, in the language of whoever recorded it
/// ("skipped by the interviewer" from the web console, "面试官跳过" from the runner on a Chinese guide).
/// Logs keep what they hold; reports and the runner show the stock reason in their reader's language.
/// A reason the interviewer typed is shown as written.
public enum SkipReason {
    public static let stock = (en: "skipped by the interviewer", zh: "面试官跳过")

    /// The reason to record for a skip; `typed` when there is one.
    public static func recorded(_ typed: String?, language: ReportLanguage) -> String {
        if let typed, !typed.isEmpty { return typed }
        return language == .zh ? stock.zh : stock.en
    }

    public static func shown(_ reason: String, in language: ReportLanguage) -> String {
        guard reason.isEmpty || reason == stock.en || reason == stock.zh else { return reason }
        return language == .zh ? stock.zh : stock.en
    }
}
