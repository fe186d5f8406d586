package org.latentlab.quiz;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.e2e.BrowserJourney;
import org.latentlab.e2e.Chromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Autosave when saving fails, in real Chromium: while the database cannot store answers (here: the answers' table
 * is renamed away for a moment, a real failure of the real statement), the page never says "Saved"; it says the
 * answer is not saved, keeps it, and stores it by itself once the database takes it again.
 */
class QuizAutosaveJourneyE2ETest extends BrowserJourney {

    @Autowired
    ClassroomFixture fixture;

    @Autowired
    JdbcClient jdbc;

    private boolean renamed;

    @BeforeEach
    void aStudent() {
        fixture.admin();
        fixture.student("amina");
    }

    @AfterEach
    void answersTableBack() {
        if (renamed) {
            jdbc.sql("alter table quiz_answer_away rename to quiz_answer").update();
        }
    }

    @Test
    void anAnswerTheServerCouldNotStoreIsMarkedNotSavedAndStoredByItselfLater() {
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = browser.newPage();
            Chromium.signIn(page, url("/login"), "amina", ClassroomFixture.PASSWORD);
            page.navigate(url("/quizzes/autoencoders-pre"));
            Locator card = page.locator(".ll-question:has(vaadin-radio-group)").first();
            String question = card.getAttribute("data-question");

            jdbc.sql("alter table quiz_answer rename to quiz_answer_away").update();
            renamed = true;
            card.locator("vaadin-radio-button").first().click();
            assertThat(card.locator(".ll-saved")).hasText("Not saved: the server could not store this answer. "
                    + "Trying again…");
            assertThat(card.locator(".ll-saved")).hasClass(java.util.regex.Pattern.compile(".*ll-problem.*"));
            Chromium.screenshot(page, "quiz-answer-not-saved");

            jdbc.sql("alter table quiz_answer_away rename to quiz_answer").update();
            renamed = false;
            // The page tries again by itself and says so once the answer is stored.
            assertThat(card.locator(".ll-saved")).containsText("Saved at",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(jdbc.sql("select count(*) from quiz_answer where question_id = ?").param(question)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }
}
