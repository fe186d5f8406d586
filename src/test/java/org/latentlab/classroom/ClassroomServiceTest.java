package org.latentlab.classroom;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@ApplicationTest
class ClassroomServiceTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    AccountService accounts;

    @Autowired
    org.latentlab.base.RateLimits.Settings limitSettings;

    AccountSummary teacher;

    @BeforeEach
    void aTeacher() {
        teacher = fixture.teacher("rivka");
    }

    @Test
    void aTeacherCreatesAClassAndAStudentJoinsWithItsCode() {
        ClassSummary created = createClassAs(teacher, "Year 11");
        assertThat(created.joinCode()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");

        signIn.as(fixture.student("amina"));
        JoinResult joined = classrooms.join(created.joinCode().toLowerCase());
        assertThat(joined.alreadyMember()).isFalse();
        assertThat(joined.joinedClass().name()).isEqualTo("Year 11");
        assertThat(joined.joinedClass().teacherName()).isEqualTo("Teacher rivka");
        assertThat(classrooms.myEnrollments()).extracting(JoinedClass::name).containsExactly("Year 11");

        signIn.as(teacher);
        assertThat(classrooms.myClasses()).singleElement().extracting(ClassSummary::studentCount).isEqualTo(1L);
        assertThat(classrooms.members(created.id())).extracting(ClassMember::username).containsExactly("amina");
    }

    @Test
    void aClosedClassTakesNoNewStudentsButKeepsItsMembers() {
        ClassSummary created = createClassAs(teacher, "Year 11");
        signIn.as(fixture.student("amina"));
        classrooms.join(created.joinCode());
        signIn.as(teacher);
        assertThat(classrooms.setJoiningOpen(created.id(), false).joiningOpen()).isFalse();
        AccountSummary budi = fixture.student("budi");
        signIn.as(budi);
        assertThatThrownBy(() -> classrooms.join(created.joinCode()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("join.classClosed"));
        signIn.as(fixture.teacher("other"));
        assertThatThrownBy(() -> classrooms.setJoiningOpen(created.id(), true))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("classes.notFound"));
        signIn.as(teacher);
        assertThat(classrooms.members(created.id())).extracting(ClassMember::username).containsExactly("amina");
        classrooms.setJoiningOpen(created.id(), true);
        signIn.as(budi);
        classrooms.join(created.joinCode());
    }

    @Test
    void joiningTwiceIsHarmless() {
        ClassSummary created = createClassAs(teacher, "Year 11");
        signIn.as(fixture.student("amina"));
        classrooms.join(created.joinCode());
        assertThat(classrooms.join(created.joinCode()).alreadyMember()).isTrue();
        assertThat(classrooms.myEnrollments()).hasSize(1);
    }

    @Test
    void aWrongJoinCodeIsRefusedWithAClearMessage() {
        signIn.as(fixture.student("amina"));
        assertThatThrownBy(() -> classrooms.join("ZZZZ-ZZZZ"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("joinCode");
                    assertThat(e.messageKey()).isEqualTo("join.codeUnknown");
                    assertThat(e.arguments()).containsExactly("ZZZZ-ZZZZ");
                });
        assertThatThrownBy(() -> classrooms.join("12"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("join.codeFormat"));
        assertThatThrownBy(() -> classrooms.join(""))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("join.codeRequired"));
    }

    @Test
    void guessingJoinCodesIsStoppedAfterTenWrongTries() {
        signIn.as(fixture.student("mallory"));
        for (int i = 0; i < limitSettings.wrongJoinCodesPerHour(); i++) {
            assertThatThrownBy(() -> classrooms.join("ZZZZ-ZZZZ")).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> classrooms.join("ZZZZ-ZZZZ"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("join.tooManyAttempts"));
    }

    @Test
    void registeringWithAJoinCodeJoinsTheClass() {
        ClassSummary created = createClassAs(teacher, "Year 12");
        String pw = ClassroomFixture.PASSWORD;
        AccountSummary budi = accounts.registerStudent(new NewAccount("budi", "Budi", pw, pw, created.joinCode()));
        signIn.as(budi);
        assertThat(classrooms.myEnrollments()).extracting(JoinedClass::name).containsExactly("Year 12");
    }

    @Test
    void registeringWithAWrongJoinCodeCreatesNoAccount() {
        String pw = ClassroomFixture.PASSWORD;
        assertThatThrownBy(() -> accounts.registerStudent(new NewAccount("budi", "Budi", pw, pw, "QQQQ-QQQQ")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("joinCode"));
        assertThat(fixture.exists("budi")).isFalse();
    }

    @Test
    void aStudentCannotUseTeacherActions() {
        ClassSummary created = createClassAs(teacher, "Year 11");
        signIn.as(fixture.student("amina"));
        assertThatThrownBy(() -> classrooms.createClass("My own class")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> classrooms.myClasses()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> classrooms.members(created.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> classrooms.newJoinCode(created.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherTeachersClassLooksExactlyLikeAClassThatDoesNotExist() {
        ClassSummary created = createClassAs(teacher, "Year 11");
        AccountSummary other = fixture.teacher("other");
        signIn.as(other);
        for (long classId : new long[] {created.id(), created.id() + 1000}) {
            assertThatThrownBy(() -> classrooms.members(classId))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("classes.notFound"));
            assertThatThrownBy(() -> classrooms.newJoinCode(classId))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("classes.notFound"));
        }
        assertThat(classrooms.myClasses()).isEmpty();
    }

    @Test
    void aNewJoinCodeReplacesTheOldOne() {
        ClassSummary created = createClassAs(teacher, "Year 11");
        signIn.as(teacher);
        ClassSummary renewed = classrooms.newJoinCode(created.id());
        assertThat(renewed.joinCode()).isNotEqualTo(created.joinCode());
        signIn.as(fixture.student("amina"));
        assertThatThrownBy(() -> classrooms.join(created.joinCode())).isInstanceOf(InvalidInputException.class);
        assertThat(classrooms.join(renewed.joinCode()).joinedClass().name()).isEqualTo("Year 11");
    }

    @Test
    void emptyOverlongAndDuplicateClassNamesAreRefused() {
        signIn.as(teacher);
        assertThatThrownBy(() -> classrooms.createClass("  ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> classrooms.createClass("n".repeat(500))).isInstanceOf(InvalidInputException.class);
        classrooms.createClass("Year 11");
        assertThatThrownBy(() -> classrooms.createClass("Year 11"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.className.taken"));
    }

    @Test
    void anAdminIsAlsoATeacher() {
        AccountSummary admin = fixture.account("admin");
        signIn.as(admin);
        assertThat(classrooms.createClass("Staff demo").name()).isEqualTo("Staff demo");
    }

    private ClassSummary createClassAs(AccountSummary owner, String name) {
        signIn.as(owner);
        try {
            return classrooms.createClass(name);
        } finally {
            signIn.out();
        }
    }
}
