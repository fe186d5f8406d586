package org.latentlab.quiz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin's upload is read away from the UI thread, and the page shows the outcome when it is there. */
@ApplicationTest
class QuizAdminViewTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;

    @BeforeEach
    void signInAsAdmin() {
        signIn.as(fixture.admin());
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void anUploadedQuizIsReadInTheBackgroundAndReportedOnThePage() {
        navigate("quizzes/manage", QuizAdminView.class);
        test($(Upload.class).id("quiz-upload")).upload("sample.gift", "text/plain",
                "::Q1::Is a VAE generative?{T}\n\n::Q2::How many?{#5:0.5 ~#No.}\n".getBytes(StandardCharsets.UTF_8));

        assertThat(statusOnceRead(this)).isEqualTo("Read 1 quizzes with 2 questions. Check the report, then add them.");
    }

    /** The status after the background reading has reported back (the page is updated with UI.access). */
    static String statusOnceRead(SpringBrowserlessTest test) {
        long until = System.nanoTime() + 120_000_000_000L; // patience on a busy machine, not a time bound
        String status = "";
        while (System.nanoTime() < until) {
            roundTrip();
            status = test.$(Paragraph.class).id("quiz-import-status").getText();
            if (!status.equals("Reading the file…")) {
                return status;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return status;
    }
}
