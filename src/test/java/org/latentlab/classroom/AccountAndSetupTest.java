package org.latentlab.classroom;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.base.RateLimits;
import org.latentlab.base.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@ApplicationTest
class AccountAndSetupTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    SetupService setup;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    RateLimits.Settings limitSettings;

    @Test
    void aNewServerNeedsSetupAndTheFirstAccountBecomesAdmin() {
        assertThat(setup.setupNeeded()).isTrue();
        AccountSummary admin = fixture.admin();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(setup.setupNeeded()).isFalse();
    }

    @Test
    void onlyWhoeverHasTheSetupCodeFromTheServerLogCreatesTheAdmin() {
        String pw = ClassroomFixture.PASSWORD;
        assertThatThrownBy(() -> setup.createFirstAdmin("AAAA-BBBB-CCCC", new NewAccount("stranger", "S", pw, pw)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("setup.code.wrong"));
        assertThat(fixture.exists("stranger")).isFalse();
        assertThat(setup.setupNeeded()).isTrue();
        String code = fixture.setupCode();
        String typed = code.substring(0, 4).toLowerCase() + " - " + code.substring(4);
        assertThat(setup.createFirstAdmin(typed, new NewAccount("owner", "Owner", pw, pw)).role())
                .isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> setup.createFirstAdmin(code, new NewAccount("second", "Second", pw, pw)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("setup.alreadyDone"));
    }

    @Test
    void twoRequestsRacingWithTheSetupCodeMakeOneAdmin() throws Exception {
        String code = fixture.setupCode();
        String pw = ClassroomFixture.PASSWORD;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 4; i++) {
                String name = "racer" + i;
                results.add(pool.submit(() -> setup.createFirstAdmin(code, new NewAccount(name, name, pw, pw))));
            }
            int won = 0;
            for (var result : results) {
                try {
                    result.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException lost) {
                    assertThat(lost.getCause()).isInstanceOf(InvalidInputException.class);
                }
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void setupIsGoneOnceAnAdminExists() {
        fixture.admin();
        assertThatThrownBy(() -> setup.createFirstAdmin("anything",
                new NewAccount("intruder", "Intruder", "another pass 1", "another pass 1")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("setup.alreadyDone"));
        assertThat(fixture.exists("intruder")).isFalse();
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        fixture.student("amina");
        String stored = fixture.passwordHashOf("amina");
        assertThat(stored).startsWith("$2").doesNotContain(ClassroomFixture.PASSWORD);
        assertThat(passwordEncoder.matches(ClassroomFixture.PASSWORD, stored)).isTrue();
    }

    @Test
    void aStudentRegistersThemselvesAsStudent() {
        AccountSummary student = fixture.student("Amina");
        assertThat(student.username()).isEqualTo("amina");
        assertThat(student.role()).isEqualTo(Role.STUDENT);
    }

    @Test
    void duplicateUsernamesAreRefusedWhateverTheirCase() {
        fixture.student("amina");
        assertThatThrownBy(() -> fixture.student("AMINA"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("username");
                    assertThat(e.messageKey()).isEqualTo("validation.username.taken");
                });
    }

    @Test
    void aMegabytePasswordIsRefusedWithAClearMessageAndNoAccount() {
        String huge = "x".repeat(1024 * 1024);
        assertThatThrownBy(() -> accounts.registerStudent(new NewAccount("budi", "Budi", huge, huge)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.password.long"));
        assertThat(fixture.exists("budi")).isFalse();
    }

    @Test
    void onlyAnAdminCreatesTeachers() {
        fixture.admin();
        AccountSummary student = fixture.student("amina");
        signIn.as(student);
        assertThatThrownBy(() -> accounts.createTeacher(
                new NewAccount("fake", "Fake Teacher", "password 123", "password 123")))
                .isInstanceOf(AccessDeniedException.class);
        signIn.out();
        assertThat(fixture.teacher("rivka").role()).isEqualTo(Role.TEACHER);
    }

    @Test
    void aStudentCannotListAllAccounts() {
        signIn.as(fixture.student("amina"));
        assertThatThrownBy(() -> accounts.allAccounts()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theLanguageChoiceIsRememberedPerUser() {
        AccountSummary student = fixture.student("noa");
        assertThat(accounts.preferredLanguage(student.id())).isEmpty();
        accounts.rememberLanguage(student.id(), Language.HEBREW);
        assertThat(accounts.preferredLanguage(student.id())).contains(Language.HEBREW);
    }

    @Test
    void whenAnAdminRequiresItAStudentCannotCreateAnAccountWithoutAJoinCode() {
        AccountSummary admin = fixture.admin();
        signIn.as(admin);
        accounts.setRegistrationNeedsJoinCode(true);
        signIn.out();
        assertThat(accounts.registrationNeedsJoinCode()).isTrue();
        assertThatThrownBy(() -> fixture.student("stranger"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("register.joinCode.required"));
        assertThat(fixture.exists("stranger")).isFalse();
    }

    @Test
    void onlyAnAdminDecidesWhetherRegistrationNeedsAJoinCode() {
        signIn.as(fixture.student("amina"));
        assertThatThrownBy(() -> accounts.setRegistrationNeedsJoinCode(false))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void oneAddressCanCreateAClassfulOfAccountsButNotAFlood() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.77");
        RequestContextHolder.setRequestAttributes(
                new ServletRequestAttributes(request));
        try {
            for (int i = 0; i < limitSettings.registrationsPerHour(); i++) {
                // Each try counts, even one refused for its form: the bound comes before any bcrypt work.
                assertThatThrownBy(() -> accounts.registerStudent(new NewAccount("", "", "", "")))
                        .isInstanceOfSatisfying(InvalidInputException.class,
                                e -> assertThat(e.messageKey()).startsWith("validation."));
            }
            String pw = ClassroomFixture.PASSWORD;
            assertThatThrownBy(() -> accounts.registerStudent(new NewAccount("flood", "Flood", pw, pw)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("limits.tooMany"));
            assertThat(fixture.exists("flood")).isFalse();
            // Another address is not affected.
            request.setRemoteAddr("198.51.100.78");
            assertThat(accounts.registerStudent(new NewAccount("elsewhere", "Elsewhere", pw, pw)).username())
                    .isEqualTo("elsewhere");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
