package org.latentlab.classroom;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.latentlab.base.ClientKey;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.base.LanguagePreferences;
import org.latentlab.base.RateLimits;
import org.latentlab.base.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;

/** Creating accounts and remembering their language. */
@Service
public class AccountService implements LanguagePreferences {

    static final String JOIN_CODE_REQUIRED = "registration.join-code-required";

    private final ClassroomRecords records;
    private final PasswordEncoder passwordEncoder;
    private final ClassroomService classrooms;
    private final Clock clock;
    private final RateLimits limits;

    AccountService(ClassroomRecords records, PasswordEncoder passwordEncoder, ClassroomService classrooms,
            Clock clock, RateLimits limits) {
        this.limits = limits;
        this.records = records;
        this.passwordEncoder = passwordEncoder;
        this.classrooms = classrooms;
        this.clock = clock;
    }

    /**
     * A student registers, optionally joining a class with its code in the same step. A wrong code refuses the
     * whole registration, so the student can correct it without ending up with an account in no class. The
     * password is hashed before the transaction begins, so the transaction is two short statements.
     */
    public AccountSummary registerStudent(NewAccount request) {
        if (RequestContextHolder.getRequestAttributes() != null) {
            // From a browser: a bound per address on new accounts (each costs a bcrypt hash), far above a class.
            limits.take(RateLimits.Limit.REGISTRATION, ClientKey.currentAddress(), 1);
        }
        ValidAccount valid = validate(request);
        String joinCode = request.joinCode() == null || request.joinCode().isBlank() ? null : request.joinCode();
        if (joinCode == null && registrationNeedsJoinCode()) {
            throw new InvalidInputException("joinCode", "register.joinCode.required");
        }
        Long classId = joinCode == null ? null : classrooms.joinableClassId(joinCode);
        try {
            return records.insertStudent(valid.username(), valid.displayName(), valid.passwordHash(), classId,
                    clock.instant()).summary();
        } catch (DuplicateKeyException race) {
            throw new InvalidInputException("username", "validation.username.taken", valid.username());
        }
    }

    /** Whether a student needs a class's join code to create an account (on by default for new servers). */
    public boolean registrationNeedsJoinCode() {
        return records.setting(JOIN_CODE_REQUIRED).map(Boolean::parseBoolean).orElse(false);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void setRegistrationNeedsJoinCode(boolean required) {
        records.setSetting(JOIN_CODE_REQUIRED, Boolean.toString(required));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary createTeacher(NewAccount request) {
        return insert(validate(request), Role.TEACHER);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<AccountSummary> allAccounts() {
        return records.allAccounts().stream().map(ClassroomRecords.Account::summary).toList();
    }

    /**
     * The display names of these accounts, for pages of other features that show who did something (a run's
     * owner, a challenge's students, a grader). Only names; whose work one may see is decided by those features.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> displayNames(Collection<Long> userIds) {
        return records.displayNames(userIds);
    }

    /** The first administrator, in whose name command-line imports are stored. */
    public Optional<Long> firstAdminId() {
        return records.firstWithRole(Role.ADMIN).map(ClassroomRecords.Account::id);
    }

    @Override
    public Optional<Language> preferredLanguage(long userId) {
        return records.account(userId).map(ClassroomRecords.Account::preferredLanguage).flatMap(Language::fromCode);
    }

    @Override
    public void rememberLanguage(long userId, Language language) {
        records.setPreferredLanguage(userId, language.code());
    }

    /** Checks the form; the password is hashed only after every cheap rule passed. */
    ValidAccount validate(NewAccount request) {
        String username = AccountRules.username(request.username());
        String displayName = AccountRules.displayName(request.displayName());
        String password = AccountRules.password(request.password(), request.passwordRepeat(), username);
        if (records.usernameTaken(username)) {
            throw new InvalidInputException("username", "validation.username.taken", username);
        }
        return new ValidAccount(username, displayName, passwordEncoder.encode(password));
    }

    /** One insert; the unique index settles a race between two equal usernames. */
    AccountSummary insert(ValidAccount valid, Role role) {
        try {
            return records.insertAccount(valid.username(), valid.displayName(), valid.passwordHash(), role,
                    clock.instant()).summary();
        } catch (DuplicateKeyException race) {
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
