package org.latentlab.lesson.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.e2e.BrowserJourney;
import org.latentlab.e2e.Chromium;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A teacher imports a lesson in a language the interface does not speak, in real Chromium: the file is read in the
 * background and the page is told by push, the preview is marked as Japanese, and the saved lesson opens in its own
 * language with the page around it in the teacher's. The upload component speaks the teacher's language as well.
 */
class LessonImportJourneyE2ETest extends BrowserJourney {

    @Autowired
    ClassroomFixture fixture;

    @BeforeEach
    void aTeacher() {
        fixture.admin();
        fixture.teacher("rivka");
    }

    @Test
    void aTeacherUploadsAJapaneseLessonSeesItPreviewedInJapaneseAndOpensItAfterSaving() {
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            Chromium.signIn(page, url("/login"), "rivka", ClassroomFixture.PASSWORD);
            page.navigate(url("/lessons/import?lang=en"));
            // A tag the interface has no translation for is typed in, as for any of the curriculum's languages.
            page.locator("#import-language input").fill("ja");
            page.locator("#import-language input").press("Enter");
            page.locator("#import-upload input[type=file]").setInputFiles(new FilePayload("autoencoders.md",
                    "text/markdown", "# オートエンコーダー\n\nエンコーダーは画像を圧縮します。\n"
                            .getBytes(StandardCharsets.UTF_8)));

            assertThat(page.locator("#import-status"))
                    .hasText("Ready to save as curriculum-autoencoders (日本語).");
            assertThat(page.locator(".ll-import-preview")).hasAttribute("lang", "ja");
            // The report's messages wrap: what a damaged place was read as is at their end.
            assertThat(page.locator("#import-report")).hasAttribute("theme", Pattern.compile("wrap-cell-content"));
            assertThat(page.locator(".ll-import-preview")).containsText("エンコーダーは画像を圧縮します。");

            page.locator("#import-save").click();
            page.locator("#import-open").click();
            assertThat(page.locator("#lesson-title")).hasText("オートエンコーダー");
            assertThat(page.locator(".ll-lesson-article")).hasAttribute("lang", "ja");
            assertThat(page.locator("html")).hasAttribute("lang", "en");

            // The upload's own texts are the reader's language too (Vaadin ships them in English only).
            page.navigate(url("/lessons/import?lang=he"));
            assertThat(page.getByText("העלאת קובץ…")).isVisible();
            assertThat(page.getByText("גררו קובץ לכאן")).isVisible();
        }
    }
}
