package org.latentlab.classroom;

import java.util.Optional;

import org.latentlab.base.SignedInUser;
import org.latentlab.base.SignedInUsers;
import org.springframework.stereotype.Component;

/** Accounts as signed-in users, by their (normalised) username: for password and remember-me sign-ins alike. */
@Component
class AccountSignedInUsers implements SignedInUsers {

    private final ClassroomRecords records;

    AccountSignedInUsers(ClassroomRecords records) {
        this.records = records;
    }

    @Override
    public Optional<SignedInUser> byUsername(String username) {
        return records.accountByUsername(AccountRules.normalizeUsername(username))
                .map(a -> new SignedInUser(a.id(), a.username(), a.displayName(), a.role(), a.passwordHash()));
    }
}
