package org.latentlab.classroom;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.base.LanguagePreferences;
import org.latentlab.base.Role;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating accounts and remembering their language. */
@Service
public class AccountService implements LanguagePreferences {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ClassroomService classrooms;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, ClassroomService classrooms,
            TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.classrooms = classrooms;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A student registers, optionally joining a class with its code in the same step. A wrong code refuses the
     * whole registration, so the student can correct it without ending up with an account in no class.
     */
    public AccountSummary registerStudent(NewAccount request) {
        ValidAccount valid = validate(request);
        String joinCode = request.joinCode() == null || request.joinCode().isBlank() ? null : request.joinCode();
        if (joinCode != null) {
            classrooms.requireJoinableCode(joinCode);
        }
        return transactions.execute(status -> {
            UserAccount account = insert(valid, Role.STUDENT);
            if (joinCode != null) {
                classrooms.enroll(account.getId(), joinCode);
            }
            return account.summary();
        });
    }

    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary createTeacher(NewAccount request) {
        ValidAccount valid = validate(request);
        return transactions.execute(status -> insert(valid, Role.TEACHER).summary());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AccountSummary> allAccounts() {
        return accounts.findAllByOrderByRoleAscUsernameAsc().stream().map(UserAccount::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Language> preferredLanguage(long userId) {
        return accounts.findById(userId).map(UserAccount::getPreferredLanguage).flatMap(Language::fromCode);
    }

    @Override
    @Transactional
    public void rememberLanguage(long userId, Language language) {
        accounts.findById(userId).ifPresent(account -> account.setPreferredLanguage(language.code()));
    }

    /** Checks the form; the password is hashed only after every cheap rule passed. */
    ValidAccount validate(NewAccount request) {
        String username = AccountRules.username(request.username());
        String displayName = AccountRules.displayName(request.displayName());
        String password = AccountRules.password(request.password(), request.passwordRepeat(), username);
        if (accounts.existsByUsername(username)) {
            throw new InvalidInputException("username", "validation.username.taken", username);
        }
        return new ValidAccount(username, displayName, passwordEncoder.encode(password));
    }

    /** Inserts within the caller's transaction; the unique index settles a race between two equal usernames. */
    UserAccount insert(ValidAccount valid, Role role) {
        try {
            return accounts.saveAndFlush(
                    new UserAccount(valid.username(), valid.displayName(), valid.passwordHash(), role, clock.instant()));
        } catch (DataIntegrityViolationException race) {
            throw new InvalidInputException("username", "validation.username.taken", valid.username());
        }
    }

    record ValidAccount(String username, String displayName, String passwordHash) {
        @Override
        public String toString() {
            return "ValidAccount[" + username + "]";
        }
    }
}
