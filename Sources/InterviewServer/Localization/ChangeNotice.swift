import Foundation

/// What an administrator's or a manager's change did, said on the page it returns to (a `role="status"`
/// notice, WCAG 4.1.3): a password set on the Users page changed nothing visible, so the admin could
/// not tell it had worked. The redirect names the change (`?done=`) and whom (`&user=`); the page
/// looks the name up, so nothing typed travels in the address.
enum ChangeNotice: String {
    case created, role, deactivated, reactivated, password, details
    case positionSaved = "position", memberAdded = "member-added", memberRemoved = "member-removed"
    case lockoutLifted = "lockout-lifted", noLockout = "no-lockout"

    /// The redirect's query: "?done=password&user=…".
    func query(user: UUID?) -> String {
        "?done=\(rawValue)" + (user.map { "&user=\($0.uuidString)" } ?? "")
    }

    func text(name: String, role: String = "", _ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .created: return zh ? "已为 \(name) 创建账户。" : "Account created for \(name)."
        case .role: return zh ? "\(name) 的角色已改为\(role)。" : "\(name)'s role is now \(role)."
        case .deactivated: return zh ? "\(name) 的账户已停用，其登录会话已全部结束。" : "\(name)'s account is deactivated; their sessions have ended."
        case .reactivated: return zh ? "\(name) 的账户已恢复。" : "\(name)'s account is active again."
        case .password: return zh ? "已为 \(name) 设置新密码，其登录会话已全部结束。" : "New password set for \(name); their sessions have ended."
        case .details: return zh ? "\(name) 的姓名和邮箱已保存。" : "\(name)'s name and email are saved."
        case .positionSaved: return zh ? "职位设置已保存。" : "Position settings saved."
        case .memberAdded: return zh ? "已将 \(name) 加入这个职位。" : "\(name) is now a member of this position."
        case .memberRemoved: return zh ? "已将 \(name) 移出这个职位。" : "\(name) is no longer a member of this position."
        case .lockoutLifted: return zh ? "已解除该地址的登录锁定。" : "The sign-in lockout of that address is lifted."
        case .noLockout: return zh ? "该地址现在没有登录锁定；其失败次数已清零。" : "That address is not locked out now; its count of failures is cleared."
        }
    }
}
