package org.latentlab.classroom;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.base.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

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

    @BeforeEach
    void emptyDatabase() {
        fixture.emptyDatabase();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void aNewServerNeedsSetupAndTheFirstAccountBecomesAdmin() {
        assertThat(setup.setupNeeded()).isTrue();
        AccountSummary admin = fixture.admin();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(setup.setupNeeded()).isFalse();
    }

    @Test
    void setupIsGoneOnceAnAdminExists() {
        fixture.admin();
        assertThatThrownBy(() -> setup.createFirstAdmin(
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
}
