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
        if password.allSatisfy(\.isWhitespace) { return .errPasswordBlank }
        if Set(password.lowercased()).count < 5 { return .errPasswordTrivial }
        if let name = email?.split(separator: "@").first?.lowercased(), name.count >= 3, password.lowercased().contains(name) {
            return .errPasswordHasEmail
        }
        return nil
    }

    /// `hash` is bcrypt (`req.password.hash`); passed in so tests and the setup page share this path.
    static func create(_ input: Input, role fixedRole: Role? = nil, on db: any Database,
                       hash: (String) throws -> String) async throws -> User {
        var errors = FieldErrors()
        let name = errors.require(input.name, "name")
        let email = User.normalized(email: errors.require(input.email, "email"))
        if errors["email"] == nil, !isEmail(email) { errors["email"] = .errEmail }
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
