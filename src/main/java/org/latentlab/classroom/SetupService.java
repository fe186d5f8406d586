package org.latentlab.classroom;

import java.util.concurrent.atomic.AtomicBoolean;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First run: a new server has no account and no default password. The first visitor creates the admin account
 * (who also runs classes as a teacher); from then on the setup page is gone for good.
 */
@Service
public class SetupService {

    private static final Logger log = LoggerFactory.getLogger(SetupService.class);

    private final UserAccountRepository accounts;
    private final AccountService accountService;
    private final TransactionTemplate transactions;
    // Once an admin exists it never stops existing through this app, so the answer can be remembered.
    private final AtomicBoolean done = new AtomicBoolean();

    SetupService(UserAccountRepository accounts, AccountService accountService, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.transactions = transactions;
    }

    public boolean setupNeeded() {
        if (done.get()) {
            return false;
        }
        boolean adminExists = accounts.existsByRole(Role.ADMIN);
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
        AccountSummary admin = transactions.execute(status -> accountService.insert(valid, Role.ADMIN).summary());
        done.set(true);
        log.info("First-run setup done: admin account '{}' created", admin.username());
        return admin;
    }

    /** For tests that empty the database between cases. */
    void forget() {
        done.set(false);
    }
}
