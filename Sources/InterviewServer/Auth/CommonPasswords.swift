import Foundation

/// Passwords guessed first: a common word, name or keyboard run with digits or symbols around it
/// (`Password123!`, `Welcome2026!`, `qwerty123456`), digits alone, or the product's own name. An account
/// probe set all of these through the admin's form; the length and variety rules let them by.
///
/// Written here rather than taken from a breach corpus (none is among the packages this build may use, and
/// a list of millions would be the bulk of the binary): the words are the ones every guessing list opens
/// with, in English and in pinyin, and a run of the keyboard or the alphabet of four or more.
enum CommonPasswords {
    static func isCommon(_ password: String) -> Bool {
        let folded = password.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        // The letters alone, as written and with the usual digit-for-letter swaps undone: separators and
        // digits between them hide nothing ("Pa ss-word123", "1qaz2wsx3edc", "Summer2026Summer").
        let letters = String(folded.filter(\.isLetter))
        let swapped = String(folded.map { swaps[$0] ?? $0 }.filter(\.isLetter))
        // Swaps inside the word only, digits at its ends kept as digits: "Passw0rd1234" is "password".
        let inner = folded.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        let swappedInside = String(String(inner).map { swaps[$0] ?? $0 }.filter(\.isLetter))
        if letters.count < 4 {
            // Digits and symbols: refused as a run of the keyboard's digits, not as random ones.
            let digits = folded.filter(\.isNumber)
            return digits.count >= folded.count - 2 && digitRuns.contains { $0.contains(digits) }
        }
        for candidate in Set([letters, swapped, swappedInside]) {
            if words.contains(candidate) { return true }
            if let half = halves(candidate), words.contains(half) || runs.contains(where: { $0.contains(half) }) { return true }
            if candidate.count >= 4, runs.contains(where: { $0.contains(candidate) }) { return true }
        }
        return false
    }

    /// "passwordpassword", "abcabc": a word written twice.
    private static func halves(_ letters: String) -> String? {
        guard letters.count % 2 == 0, letters.count >= 6 else { return nil }
        let half = letters.prefix(letters.count / 2)
        return letters.hasSuffix(half) ? String(half) : nil
    }

    private static let swaps: [Character: Character] = ["0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"]

    /// Rows, columns and diagonals of the keyboard (QWERTY, AZERTY, QWERTZ), the alphabet, forwards and back.
    private static let runs: [String] = {
        let forward = ["qwertyuiopasdfghjklzxcvbnm", "abcdefghijklmnopqrstuvwxyz", "qazwsxedcrfvtgbyhnujmikolp", "azertyuiop",
                       "qwertzuiop", "qweasdzxc", "zaqxswcdevfrbgtnhymjukilop", "zaqwsxcderfvbgtyhnmjuiklop", "qaswdefrgthyjukilo"]
        return forward + forward.map { String($0.reversed()) }
    }()

    private static let digitRuns = ["0123456789012345678901234567890", "9876543210987654321098765432109", "1qaz2wsx3edc4rfv5tgb"]

    private static let words: Set<String> = [
        "password", "passwort", "motdepasse", "contrasena", "senha", "parola", "wachtwoord", "haslo", "salasana", "passord",
        "пароль", "passwd", "pass", "secret", "secrets", "letmein", "welcome", "admin", "administrator", "root", "login",
        "logon", "master", "changeme", "default", "guest", "user", "test", "testing", "access", "hello", "helloworld",
        "iloveyou", "loveyou", "monkey", "dragon", "football", "baseball", "soccer", "basketball", "hockey", "superman",
        "batman", "spiderman", "sunshine", "princess", "shadow", "trustno", "whatever", "computer", "internet", "freedom",
        "starwars", "pokemon", "minecraft", "summer", "winter", "spring", "autumn", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "monday", "friday", "company", "office",
        "work", "interview", "interviews", "interviewer", "interviewflow", "hiring", "candidate", "recruit", "recruiter",
        "python", "java", "javascript", "backend", "developer", "engineer", "manager", "woaini", "nihao", "mima", "zhongguo",
        "beijing", "shanghai", "aini", "qwerty", "qwertz", "azerty", "asdf", "zxcv", "abcd", "abcdef", "abcdefg", "qazwsx",
        "iloveu", "michael", "jennifer", "jessica", "ashley", "daniel", "thomas", "robert", "charlie", "michelle", "nicole",
        "liverpool", "chelsea", "arsenal", "barcelona", "samsung", "google", "apple", "iphone", "facebook", "hunter",
        "killer", "mustang", "ferrari", "matrix", "cheese", "banana", "chocolate", "flower", "lovely", "angel", "family",
    ]
}
