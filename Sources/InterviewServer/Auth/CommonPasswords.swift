/// Passwords guessed first: a common word, name or keyboard run with digits or symbols around it
/// (`Password123!`, `Welcome2026!`, `qwerty123456`), digits alone, or the product's own name. An account
/// probe set all of these through the admin's form; the length and variety rules let them by.
///
/// Written here rather than taken from a breach corpus (none is among the packages this build may use, and
/// a list of millions would be the bulk of the binary): the words are the ones every guessing list opens
/// with, in English and in pinyin, and a run of the keyboard or the alphabet of four or more.
enum CommonPasswords {
    static func isCommon(_ password: String) -> Bool {
        let core = self.core(of: password)
        if core.count < 4 { return true }
        if words.contains(core) { return true }
        // A word twice or a word with its year in the middle: "passwordpassword", "summer2026summer".
        if let half = halves(core), words.contains(half) { return true }
        return runs.contains { $0.contains(core) }
    }

    /// Lowercased, digits and symbols cut from both ends, the usual letter-for-digit swaps undone inside.
    static func core(of password: String) -> String {
        let lower = password.lowercased()
        let trimmed = lower.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        return String(String(trimmed).map { swaps[$0] ?? $0 })
    }

    private static func halves(_ core: String) -> String? {
        let letters = core.filter(\.isLetter)
        guard letters.count % 2 == 0, letters.count >= 8 else { return nil }
        let half = letters.prefix(letters.count / 2)
        return letters.hasSuffix(half) ? String(half) : nil
    }

    private static let swaps: [Character: Character] = ["0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"]

    private static let runs = ["qwertyuiopasdfghjklzxcvbnm", "abcdefghijklmnopqrstuvwxyz", "qazwsxedcrfvtgbyhnujmikolp", "azertyuiop"]

    private static let words: Set<String> = [
        "password", "passwort", "motdepasse", "contrasena", "passwd", "pass", "secret", "secrets", "letmein", "welcome",
        "admin", "administrator", "root", "login", "logon", "master", "changeme", "default", "guest", "user", "test",
        "testing", "access", "hello", "helloworld", "iloveyou", "loveyou", "monkey", "dragon", "football", "baseball",
        "soccer", "basketball", "superman", "batman", "sunshine", "princess", "shadow", "trustno", "whatever",
        "computer", "internet", "freedom", "starwars", "pokemon", "minecraft", "summer", "winter", "spring", "autumn",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "monday", "friday", "company", "office", "work", "interview", "interviews", "interviewer",
        "interviewflow", "hiring", "candidate", "recruit", "recruiter", "python", "java", "javascript", "backend",
        "developer", "engineer", "manager", "woaini", "nihao", "mima", "zhongguo", "beijing", "shanghai", "aini",
        "qwerty", "asdf", "zxcv", "abcd", "abcdef", "abcdefg", "qazwsx", "iloveu", "michael", "jennifer", "charlie",
    ]
}
