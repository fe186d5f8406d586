package org.latentlab.classroom;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.latentlab.base.ClientKey;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.RateLimits;
import org.latentlab.base.TooManyRequestsException;
import org.latentlab.base.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * First run: a new server has no account and no default password. Whoever set the server up creates the admin
 * account (who also runs classes as a teacher) on the setup page with a one-time setup code that only the server's
 * log shows, so a stranger who finds the new server first cannot take it over. The code is stored in the database
 * (every node of a cluster prints the same one) and is used up by the one request that creates the admin; from then
 * on the setup page is gone for good.
 */
@Service
public class SetupService {

    static final String SETUP_CODE = "setup.code";
    private static final Logger log = LoggerFactory.getLogger(SetupService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CODE_LENGTH = 12;

    private final ClassroomRecords records;
    private final AccountService accountService;
    private final RateLimits limits;
    private final Clock clock;
    // Once an admin exists it never stops existing through this app, so the answer can be remembered.
    private final AtomicBoolean done = new AtomicBoolean();

    SetupService(ClassroomRecords records, AccountService accountService, RateLimits limits, Clock clock) {
        this.records = records;
        this.accountService = accountService;
        this.limits = limits;
        this.clock = clock;
    }

    public boolean setupNeeded() {
        if (done.get()) {
            return false;
        }
        boolean adminExists = records.anyWithRole(Role.ADMIN);
        if (adminExists) {
            done.set(true);
        }
        return !adminExists;
    }

    /** Prints the setup code where only whoever runs the server sees it, at every start until setup is done. */
    @EventListener(ApplicationReadyEvent.class)
    void announceSetupCode() {
        if (setupNeeded()) {
            log.warn("\n\n==== First-run setup ====\n  Open /setup in a browser and enter this setup code: {}\n"
                    + "  It creates the administrator account; the code works once.\n"
                    + "=========================\n", display(setupCode()));
        }
    }

    /**
     * Creates the first admin if {@code typedCode} is the setup code. Two visitors racing: one wins, the other is
     * told setup is already done. Wrong codes are limited per address.
     */
    public AccountSummary createFirstAdmin(String typedCode, NewAccount request) {
        if (!setupNeeded()) {
            throw new InvalidInputException("setup", "setup.alreadyDone");
        }
        String client = "setup|" + ClientKey.currentAddress();
        try {
            limits.check(RateLimits.Limit.WRONG_JOIN_CODE, client);
        } catch (TooManyRequestsException tooMany) {
            throw new InvalidInputException("setupCode", "setup.code.tooMany",
                    ClassroomService.minutesToWait(tooMany.retryAfter()));
        }
        String code = normalize(typedCode);
        AccountService.ValidAccount valid = accountService.validate(request);
        AccountSummary admin;
        try {
            admin = records.insertFirstAdmin(code, valid.username(), valid.displayName(), valid.passwordHash(),
                    clock.instant()).map(ClassroomRecords.Account::summary).orElse(null);
        } catch (DuplicateKeyException race) {
            throw new InvalidInputException("username", "validation.username.taken", valid.username());
        }
        if (admin == null) {
            if (!setupNeeded()) {
                throw new InvalidInputException("setup", "setup.alreadyDone");
            }
            limits.take(RateLimits.Limit.WRONG_JOIN_CODE, client, 1);
            throw new InvalidInputException("setupCode", "setup.code.wrong");
        }
        done.set(true);
        log.info("First-run setup done: admin account '{}' created", admin.username());
        return admin;
    }

    /**
     * The setup code, made once and kept in the database until it is used; what the log shows. For tools that run
     * inside the server on a new data folder (tests, and the in-process benchmarks of bench/); pages never show it.
     */
    public String setupCode() {
        return records.setting(SETUP_CODE).orElseGet(() -> {
            StringBuilder code = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                code.append(JoinCodes.ALPHABET.charAt(RANDOM.nextInt(JoinCodes.ALPHABET.length())));
            }
            records.insertSettingIfAbsent(SETUP_CODE, code.toString());
            // Another node may have made one a moment earlier: everyone uses the stored one.
            return records.setting(SETUP_CODE).orElseThrow();
        });
    }

    private static String normalize(String typed) {
        return typed == null || typed.length() > 64 ? ""
                : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /** For tests that empty the database between cases. */
    void forget() {
        done.set(false);
    }
}
