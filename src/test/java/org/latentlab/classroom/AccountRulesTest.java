package org.latentlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;

class AccountRulesTest {

    @Test
    void usernamesAreTrimmedAndLowerCased() {
        assertThat(AccountRules.username("  Amina.J ")).isEqualTo("amina.j");
    }

    @Test
    void emptyShortLongOrOddUsernamesAreRefusedWithTheirOwnMessage() {
        assertRefused(() -> AccountRules.username("   "), "username", "validation.username.required");
        assertRefused(() -> AccountRules.username("ab"), "username", "validation.username.length");
        assertRefused(() -> AccountRules.username("a".repeat(33)), "username", "validation.username.length");
        assertRefused(() -> AccountRules.username("no spaces"), "username", "validation.username.characters");
        assertRefused(() -> AccountRules.username("-dash"), "username", "validation.username.characters");
        assertRefused(() -> AccountRules.username("<script>"), "username", "validation.username.characters");
    }

    @Test
    void displayNamesMayBeAnyScriptButNotEmptyOverlongOrControlCharacters() {
        assertThat(AccountRules.displayName(" נועה לוי ")).isEqualTo("נועה לוי");
        assertRefused(() -> AccountRules.displayName(""), "displayName", "validation.displayName.required");
        assertRefused(() -> AccountRules.displayName("x".repeat(81)), "displayName", "validation.displayName.length");
        assertRefused(() -> AccountRules.displayName("a\u0000b"), "displayName", "validation.displayName.characters");
    }

    @Test
    void aMegabytePasswordIsRefusedAsTooLong() {
        String huge = "p".repeat(1024 * 1024);
        assertRefused(() -> AccountRules.password(huge, huge, "amina"), "password", "validation.password.long");
        assertThat(AccountRules.impossiblePassword(huge)).isTrue();
    }

    @Test
    void passwordsLongerThanBcryptReadsAreRefused() {
        // 40 Hebrew letters: within 64 characters but 80 bytes of UTF-8, more than bcrypt's 72.
        String hebrew = "א".repeat(40);
        assertRefused(() -> AccountRules.password(hebrew, hebrew, "amina"), "password", "validation.password.long");
    }

    @Test
    void shortMismatchedOrUsernamePasswordsAreRefused() {
        assertRefused(() -> AccountRules.password("", "", "amina"), "password", "validation.password.required");
        assertRefused(() -> AccountRules.password("short", "short", "amina"), "password", "validation.password.short");
        assertRefused(() -> AccountRules.password("aminaamina", "aminaamina", "aminaamina"), "password",
                "validation.password.sameAsUsername");
        assertRefused(() -> AccountRules.password("long enough", "long enougH", "amina"), "passwordRepeat",
                "validation.password.mismatch");
        assertThat(AccountRules.password("long enough", "long enough", "amina")).isEqualTo("long enough");
    }

    @Test
    void classNamesAreCheckedLikeDisplayNames() {
        assertThat(AccountRules.className("  Year 11 ")).isEqualTo("Year 11");
        assertRefused(() -> AccountRules.className(" "), "className", "validation.className.required");
        assertRefused(() -> AccountRules.className("c".repeat(81)), "className", "validation.className.length");
    }

    private static void assertRefused(Runnable check, String field, String key) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }
}
