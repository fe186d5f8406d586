package org.latentlab.quiz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;

import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** With a limit no file can meet, the page says the reading took too long and stored nothing. */
@ApplicationTest(properties = "latentlab.import.time-limit=1ms")
class QuizAdminViewTimeLimitTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;

    @Test
    void aFileThatTakesTooLongGivesAClearMessage() {
        signIn.as(fixture.admin());
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate("quizzes/manage", QuizAdminView.class);
        String big = "::Q::Is a VAE generative? It has an encoder and a decoder.{T#No.#Yes.}\n\n".repeat(450);

        test($(Upload.class).id("quiz-upload")).upload("big.gift", "text/plain", big.getBytes(StandardCharsets.UTF_8));

        assertThat(QuizAdminViewTest.statusOnceRead(this)).startsWith("Reading the file took longer than")
                .contains("was stopped. Nothing was stored.");
    }
}
