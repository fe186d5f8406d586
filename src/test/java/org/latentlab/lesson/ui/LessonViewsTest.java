package org.latentlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.base.ui.NotFoundView;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.lesson.LessonImportService;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class LessonViewsTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    LessonImportService imports;

    @BeforeEach
    void aSetUpServer() {
        fixture.admin();
    }

    @Test
    void theLessonHasItsQuizzesWidgetsFiguresAndLabLinks() {
        navigate("lessons/autoencoders", LessonView.class);
        assertThat($(H1.class).id("lesson-title").getText()).isEqualTo("Autoencoders: Learning by Rebuilding");
        assertThat($(Anchor.class).id("quiz-link-pre").getHref()).isEqualTo("quizzes/autoencoders-pre");
        assertThat($(Anchor.class).id("quiz-link-post").getHref()).isEqualTo("quizzes/autoencoders-post");
        assertThat($(ReconstructWidget.class).all()).hasSize(1);
        assertThat($(DenoiseWidget.class).all()).hasSize(1);
        assertThat($(LatentWalkWidget.class).all()).hasSize(1);
        assertThat($(AnomalyWidget.class).all()).hasSize(1);
        // The two architecture drawings need no model: SVG, labelled in the reader's language.
        assertThat($(Image.class).all()).extracting(Image::getSrc)
                .filteredOn(src -> src.startsWith("data:image/svg+xml;base64,")).hasSize(2);
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).contains("lab?experiment=conv-vae",
                "lab?experiment=denoising-ae");
    }

    @Test
    void aMissingTranslationFallsBackWithAVisibleNotice() {
        signIn.as(fixture.teacher("rivka"));
        imports.save(imports.preview("# Somo letu\n\nMaandishi.\n".getBytes(StandardCharsets.UTF_8),
                "sw-mfano.md", Language.SWAHILI, ""));
        signIn.out();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate("lessons/curriculum-mfano", LessonView.class);
        assertThat($(Paragraph.class).id("lesson-fallback").getText())
                .isEqualTo("This lesson is not available in English yet, so it is shown in Kiswahili.");
        assertThat($(H1.class).id("lesson-title").getText()).isEqualTo("Somo letu");
    }

    @Test
    void anArabicLessonIsShownInArabicRightToLeftInsideAnEnglishPage() {
        signIn.as(fixture.teacher("rivka"));
        imports.save(imports.preview("# المشفرات التلقائية\n\nيضغط المُشفِّر الصورة.\n".getBytes(StandardCharsets.UTF_8),
                "autoencoders.md", ContentLanguage.parse("ar").orElseThrow(), "arabic"));
        signIn.out();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate("lessons/curriculum-arabic", LessonView.class);

        LessonArticle article = $(LessonArticle.class).single();
        assertThat(article.getElement().getAttribute("lang")).isEqualTo("ar");
        assertThat(article.getElement().getAttribute("dir")).isEqualTo("rtl");
        assertThat($(H1.class).id("lesson-title").getText()).isEqualTo("المشفرات التلقائية");
        // The page around the lesson stays in the reader's language.
        assertThat($(Paragraph.class).id("lesson-fallback").getText())
                .isEqualTo("This lesson is not available in English yet, so it is shown in العربية.");
    }

    @Test
    void anUnknownLessonIsNotFound() {
        navigate("lessons/no-such-lesson", NotFoundView.class);
        navigate("lessons/..%2F..%2Fetc", NotFoundView.class);
    }
}
