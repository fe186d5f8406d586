package org.latentlab.classroom;

import java.util.concurrent.atomic.AtomicBoolean;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * First run: a new server has no account and no default password. The first visitor creates the admin account
 * (who also runs classes as a teacher); from then on the setup page is gone for good.
 */
@Service
public class SetupService {

    private static final Logger log = LoggerFactory.getLogger(SetupService.class);

    private final ClassroomRecords records;
    private final AccountService accountService;
    // Once an admin exists it never stops existing through this app, so the answer can be remembered.
    private final AtomicBoolean done = new AtomicBoolean();

    SetupService(ClassroomRecords records, AccountService accountService) {
        this.records = records;
        this.accountService = accountService;
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

    /** Creates the first admin. Two visitors racing: one wins, the other is told setup is already done. */
    public synchronized AccountSummary createFirstAdmin(NewAccount request) {
        if (!setupNeeded()) {
            throw new InvalidInputException("setup", "setup.alreadyDone");
        }
        AccountService.ValidAccount valid = accountService.validate(request);
        AccountSummary admin = accountService.insert(valid, Role.ADMIN);
        done.set(true);
        log.info("First-run setup done: admin account '{}' created", admin.username());
        return admin;
    }

    /** For tests that empty the database between cases. */
    void forget() {
        done.set(false);
    }
}
