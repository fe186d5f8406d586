package org.latentlab.quiz;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.base.Language;
import org.latentlab.e2e.Chromium;
import org.latentlab.e2e.PackagedApp;
import org.latentlab.e2e.PackagedAppTest;
import org.latentlab.quiz.format.QuizFiles;
import org.latentlab.test.TestDatabases;

/**
 * The quiz promise, end to end against the packaged jar, on the embedded H2 database and on PostgreSQL: a student
 * takes the pre-quiz in Tagalog, the server is killed (SIGKILL) in the middle and started again, the given answers
 * are still there, the student submits, and the teacher's open results page shows the result without a reload. No
 * right answer reaches the browser before the attempt is submitted. The PostgreSQL run uses a new database on the
 * test server ({@link TestDatabases}): skipped with a message without one, except on CI.
 */
@PackagedAppTest
class QuizSurvivesRestartIT {

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void answersSurviveAKilledServerAndTheTeacherSeesTheSubmissionLive(String database) throws Exception {
        if (database.equals("postgresql")) {
            TestDatabases.requireServer();
        }
        Path data = Files.createTempDirectory(Path.of("target"), "quiz-restart-");
        Quiz pre = QuizFiles.read(Files.readString(Path.of("quizzes", "autoencoders-pre.json"), StandardCharsets.UTF_8),
                "autoencoders-pre.json");
        List<String> explanations = pre.questions().stream()
                .map(q -> q.explanation().in(Language.TAGALOG)).filter(e -> e.length() > 20).toList();
        List<String> traffic = new ArrayList<>();

        PackagedApp packaged = new PackagedApp(data, "--spring.profiles.active=demo");
        if (database.equals("postgresql")) {
            packaged.onNewPostgresqlDatabase();
        }
        try (Chromium chromium = Chromium.launch(); PackagedApp app = packaged.start()) {
            app.reportFailuresOf(() -> {
                String aminaPassword = app.demoPassword("amina");
                String teacherPassword = app.demoPassword("teacher");

                BrowserContext studentContext = PackagedApp.browserContext(chromium.browser());
                Page student = studentContext.newPage();
                student.onWebSocket(ws -> ws.onFrameReceived(frame -> traffic.add(String.valueOf(frame.text()))));
                student.onResponse(response -> {
                    if (response.url().contains("v-r=uidl")) {
                        try {
                            traffic.add(response.text());
                        } catch (com.microsoft.playwright.PlaywrightException navigatedAway) {
                            // A response of the page left behind (e.g. a reconnect after the restart, answered as the
                            // sign-in navigates): the browser dropped its body, so the page never used it either.
                        }
                    }
                });
                signIn(student, app, "amina", aminaPassword);
                student.navigate(app.url("/quizzes/autoencoders-pre?lang=tl"));
                assertThat(student.locator("html")).hasAttribute("lang", "tl");
                assertThat(student.locator("#quiz-title")).hasText(pre.title().in(Language.TAGALOG));

                // Answer the first two single-choice questions; each is saved at once.
                Locator radios = student.locator(".ll-question:has(vaadin-radio-group)");
                for (int i = 0; i < 2; i++) {
                    Locator card = radios.nth(i);
                    card.locator("vaadin-radio-button").first().click();
                    assertThat(card.locator(".ll-saved")).not().isEmpty();
                }
                String firstCard = radios.nth(0).getAttribute("data-question");
                String secondCard = radios.nth(1).getAttribute("data-question");

                // kill -9 in the middle of the quiz, and start again on the same data.
                app.kill();
                app.start();

                signIn(student, app, "amina", aminaPassword);
                student.navigate(app.url("/quizzes/autoencoders-pre?lang=tl"));
                for (String question : List.of(firstCard, secondCard)) {
                    assertThat(student.locator(".ll-question[data-question='" + question + "'] vaadin-radio-button[checked]"))
                            .hasCount(1);
                }

                // The teacher opens the class results before the student submits.
                BrowserContext teacherContext = PackagedApp.browserContext(chromium.browser());
                Page teacher = teacherContext.newPage();
                signIn(teacher, app, "teacher", teacherPassword);
                teacher.navigate(app.url("/quizzes/results"));
                assertThat(teacher.locator("#results-grid")).containsText("Amina");

                for (String payload : traffic) {
                    for (String explanation : explanations) {
                        assertThat(payload).as("an explanation reached the browser before submission")
                                .doesNotContain(explanation);
                    }
                }

                student.click("#quiz-submit");
                student.locator("vaadin-button[slot='confirm-button']").click();
                assertThat(student.locator("#result-score")).isVisible();
                Chromium.screenshot(student, "quiz-result-tagalog");

                // Live: the teacher's page shows the new result without a reload.
                assertThat(teacher.locator("#results-grid")).containsText("%", new com.microsoft.playwright.assertions
                        .LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
                Chromium.screenshot(teacher, "teacher-results-live");
                studentContext.close();
                teacherContext.close();
            });
        }
    }

    private static void signIn(Page page, PackagedApp app, String username, String password) {
        Chromium.signIn(page, app.url("/login"), username, password);
    }

}
