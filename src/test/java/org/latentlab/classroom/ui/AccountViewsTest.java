package org.latentlab.classroom.ui;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.latentlab.base.ui.AccessDeniedView;
import org.latentlab.base.ui.NotFoundView;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SetupService;
import org.latentlab.classroom.SignIn;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class AccountViewsTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    SetupService setup;

    @Test
    void setupPageCreatesTheAdminAndThenDisappears() {
        navigate(SetupView.class);
        test(field("setup-code")).setValue(fixture.setupCode());
        test(field("username")).setValue("admin");
        test(field("display-name")).setValue("Ada Admin");
        test(password("password")).setValue("a long secret 42");
        test(password("password-repeat")).setValue("a long secret 42");
        test(button("setup-create")).click();
        assertThat(setup.setupNeeded()).isFalse();

        navigate("setup", NotFoundView.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void registrationShowsTheRuleNextToTheFieldAndKeepsWhatWasTyped() {
        fixture.admin();
        navigate(RegisterView.class);
        test(field("username")).setValue("ab");
        test(field("display-name")).setValue("Amina Juma");
        test(password("password")).setValue("a long secret 42");
        test(password("password-repeat")).setValue("a long secret 42");
        test(button("register-submit")).click();

        TextField username = field("username");
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("The username must have 3 to 32 characters.");
        assertThat(field("display-name").getValue()).isEqualTo("Amina Juma");
    }

    @Test
    void aMegabytePasswordIsExplainedNotCrashedOn() {
        fixture.admin();
        navigate(RegisterView.class);
        String huge = "x".repeat(1024 * 1024);
        test(field("username")).setValue("budi");
        test(field("display-name")).setValue("Budi");
        // The browser's maxlength would stop a person; a crafted request would not, so the server must.
        password("password").setValue(huge);
        password("password-repeat").setValue(huge);
        test(button("register-submit")).click();
        assertThat(password("password").isInvalid()).isTrue();
        assertThat(password("password").getErrorMessage()).isEqualTo("The password is too long: at most 64 characters.");
    }

    @Test
    void aWrongJoinCodeAtRegistrationIsExplainedAtTheCodeField() {
        fixture.admin();
        navigate(RegisterView.class);
        test(field("username")).setValue("noa");
        test(field("display-name")).setValue("Noa");
        test(password("password")).setValue("a long secret 42");
        test(password("password-repeat")).setValue("a long secret 42");
        test(field("join-code")).setValue("QQQQ-QQQQ");
        test(button("register-submit")).click();
        assertThat(field("join-code").getErrorMessage()).isEqualTo("No class has the code QQQQ-QQQQ. Check it with your teacher.");
    }

    @Test
    void anEmptyClassNameIsExplained() {
        signIn.as(fixture.teacher("rivka"));
        navigate(ClassesView.class);
        test(button("class-create")).click();
        assertThat(field("class-name").getErrorMessage()).isEqualTo("Give the class a name.");
    }

    @Test
    void aStudentIsKeptAwayFromTeacherAndAdminViews() {
        fixture.admin();
        signIn.as(fixture.student("amina"));
        navigate("classes", AccessDeniedView.class);
        assertThat(getCurrentView()).isNotInstanceOf(ClassesView.class);
        navigate("admin", AccessDeniedView.class);
        assertThat(getCurrentView()).isNotInstanceOf(AdminView.class);
    }

    @Test
    void theAdminPageShowsTheEngineAndItsThreads() {
        signIn.as(fixture.admin());
        navigate(AdminView.class);
        var status = $(com.vaadin.flow.component.html.Div.class).withId("engine-status").single();
        assertThat(status.getElement().getText() + status.getElement().getChildren()
                .map(e -> e.getTextRecursively()).reduce("", String::concat))
                .contains("PyTorch").contains("2.7.1").contains("per operation");
    }

    private TextField field(String id) {
        return $(TextField.class).withId(id).single();
    }

    private PasswordField password(String id) {
        return $(PasswordField.class).withId(id).single();
    }

    private Button button(String id) {
        return $(Button.class).withId(id).single();
    }
}
