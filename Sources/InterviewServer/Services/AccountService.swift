import Fluent
import Vapor

/// Creating accounts, from the setup page, the users page and the API.
enum AccountService {
    struct Input: Content {
        var name: String?
        var email: String?
        var password: String?
        var role: String?
    }

    static let minimumPasswordLength = 12

    /// Why a new password will not do, or nil. Twelve spaces passed the length rule and were no secret;
    /// nor were `aaaaaaaaaaaa` or the account's own email with a digit (an operations probe): a password of
    /// fewer than five different characters, or one holding the email's name, is refused too.
    static func passwordProblem(_ password: String, email: String? = nil) -> Text? {
        if password.count < minimumPasswordLength { return .errPasswordShort }
        // bcrypt reads the first 72 bytes only: a longer one signed in with any ending (an account probe).
        if password.utf8.count > maximumPasswordBytes { return .errPasswordLong }
        if password.allSatisfy(\.isWhitespace) { return .errPasswordBlank }
        if Set(password.lowercased()).count < 5 { return .errPasswordTrivial }
        if let name = email?.split(separator: "@").first?.lowercased(), name.count >= 3, password.lowercased().contains(name) {
            return .errPasswordHasEmail
        }
        if CommonPasswords.isCommon(password) { return .errPasswordCommon }
        return nil
    }

    static let maximumPasswordBytes = 72

    /// Why an address will not do as an account's, or nil; `email` is `User.normalized` already. Letters of
    /// two alphabets that look alike (a Cyrillic "а" in "аda@…", an "е" in ".examplе") made a second account
    /// that read as the admin's on the users page and in the trail (an account probe); full-width letters and
    /// a trailing dot are undone by `normalized` instead, so they find the account they imitate.
    static func emailProblem(_ email: String) -> Text? {
        guard isEmail(email) else { return .errEmail }
        // Per part (the name, each label of the domain): "олег@demo.example" is a Cyrillic name at a Latin
        // domain, and was refused as a whole (a recheck).
        for part in email.split(whereSeparator: { $0 == "@" || $0 == "." }) {
            var scripts = Set<Script>()
            for scalar in part.unicodeScalars where scalar.properties.isAlphabetic { scripts.insert(Script(scalar)) }
            if scripts.contains(.lookAlike) || scripts.subtracting([.other]).count > 1 { return .errEmailMixedScripts }
        }
        return nil
    }

    /// The alphabets whose letters pass for each other, and letters made to look like plain ones (the
    /// phonetic "ɑ" and small-capital "ᴀ" passed for an "a" in the same alphabet, a recheck).
    private enum Script {
        case latin, cyrillic, greek, lookAlike, other
        init(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x250...0x2AF, 0x1D00...0x1DBF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F: self = .lookAlike
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: self = .latin
            case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: self = .cyrillic
            case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
            default: self = .other
            }
        }
    }

    /// `hash` is bcrypt (`req.password.hash`); passed in so tests and the setup page share this path.
    static func create(_ input: Input, role fixedRole: Role? = nil, on db: any Database,
                       hash: (String) throws -> String) async throws -> User {
        var errors = FieldErrors()
        let name = errors.require(input.name, "name")
        let email = User.normalized(email: errors.require(input.email, "email"))
        if errors["email"] == nil, let problem = emailProblem(email) { errors["email"] = problem }
        let password = input.password ?? ""
        if let problem = passwordProblem(password, email: email) { errors["password"] = problem }
        let role = fixedRole ?? Role(rawValue: input.role ?? "")
        if role == nil { errors["role"] = (input.role ?? "").isEmpty ? .errRequired : .errUnknownRole }
        if errors["email"] == nil, try await User.query(on: db).filter(\.$email == email).first() != nil {
            errors["email"] = .errEmailTaken
        }
        try errors.check()
        let user = User(email: email, name: name, passwordHash: try hash(password), role: role!)
        try await user.save(on: db)
        return user
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}
