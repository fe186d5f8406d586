package org.latentlab.quiz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;

import org.junit.jupiter.api.Test;
import org.latentlab.base.ContentLanguage;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizCatalog;
import org.latentlab.quiz.format.QuizAppFormat;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class QuizInAnyLanguageViewTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    QuizCatalog catalog;

    @Test
    void anArabicQuizIsShownRightToLeftInArabicWhileThePageSpeaksTheStudentsLanguage() {
        String json = "[{\"title\": \"AI\", \"quizzes\": [{\"id\": 918, \"title\": \"المشفرات التلقائية\", "
                + "\"quiz\": [{\"questionText\": \"ماذا يتعلم المشفر التلقائي؟\", \"answerOptions\": ["
                + "{\"answerText\": \"ضغط الصورة\", \"isCorrect\": \"true\"}, "
                + "{\"answerText\": \"تغيير الألوان\", \"isCorrect\": \"false\"}]}]}]}]";
        Quiz arabic = QuizAppFormat.read(json.getBytes(StandardCharsets.UTF_8), "ar.json",
                ContentLanguage.parse("ar").orElseThrow()).quizzes().getFirst();
        signIn.as(fixture.admin());
        catalog.addImported(arabic);
        signIn.as(fixture.student("amina"));
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate("quizzes/" + arabic.id(), QuizView.class);

        H1 title = $(H1.class).id("quiz-title");
        assertThat(title.getText()).isEqualTo("المشفرات التلقائية");
        assertThat(title.getElement().getAttribute("lang")).isEqualTo("ar");
        assertThat(title.getElement().getAttribute("dir")).isEqualTo("rtl");
        // The page's own words stay in the student's language.
        assertThat($(Button.class).id("quiz-submit").getText()).isEqualTo("Submit");
        assertThat($(Button.class).id("quiz-submit").getElement().getAttribute("lang")).isNull();
    }
}
