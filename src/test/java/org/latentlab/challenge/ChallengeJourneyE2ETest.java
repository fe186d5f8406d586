package org.latentlab.challenge;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.e2e.BrowserJourney;
import org.latentlab.e2e.Chromium;
import org.latentlab.e2e.LatentMapInspection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A live image challenge in real Chromium: the teacher opens it for the class, two students pick a point on the
 * latent map and submit, and the teacher's leaderboard fills by server push without reloading; and a melody morph
 * with a class vote, from the teacher's form to the students' ballots and the revealed tally.
 */
class ChallengeJourneyE2ETest extends BrowserJourney {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    SignIn signIn;

    @BeforeEach
    void aClassWithTwoStudents() {
        fixture.admin();
        AccountSummary teacher = fixture.teacher("rivka");
        signIn.as(teacher);
        ClassSummary year11 = classrooms.createClass("Year 11");
        for (String name : List.of("amina", "budi")) {
            signIn.as(fixture.student(name));
            classrooms.join(year11.joinCode());
        }
        signIn.out();
    }

    /** The class's teacher, signed in, on the challenges page with its form. */
    private Page teacherOnChallenges(BrowserContext context) {
        Page teacher = context.newPage();
        Chromium.signIn(teacher, url("/login"), "rivka", ClassroomFixture.PASSWORD);
        teacher.navigate(url("/challenges"));
        return teacher;
    }

    private static Browser.NewContextOptions tall() {
        return new Browser.NewContextOptions().setViewportSize(1280, 1500);
    }

    @Test
    void teacherOpensAChallengeTwoStudentsSubmitAndTheLeaderboardUpdatesLive() {
        try (BrowserContext teacherContext = chromium.browser().newContext(tall());
                BrowserContext aminaContext = chromium.browser().newContext(tall());
                BrowserContext budiContext = chromium.browser().newContext(tall())) {
            Page teacher = teacherOnChallenges(teacherContext);
            // Bad input first: a digit that does not exist.
            teacher.locator("#challenge-digit input").fill("12");
            teacher.locator("#challenge-open").click();
            assertThat(teacher.locator("#challenge-digit")).containsText("A digit must be from 0 to 9.");
            teacher.locator("#challenge-digit input").fill("7");
            teacher.locator("#challenge-open").click();
            assertThat(teacher.locator("#challenge-header h1"))
                    .hasText("Make a 7 that the judge reads with at least 80 % confidence");
            assertThat(teacher.locator("#challenge-leaderboard")).containsText("No submissions yet.");
            String challengeUrl = teacher.url();

            for (Page student : List.of(aminaContext.newPage(), budiContext.newPage())) {
                String name = student.context() == aminaContext ? "amina" : "budi";
                Chromium.signIn(student, url("/login"), name, ClassroomFixture.PASSWORD);
                student.navigate(url("/challenges"));
                student.locator(".ll-challenge-card a").first().click();
                assertThat(student.locator("#challenge-rules")).containsText("How it is scored");
                assertThat(student.locator("#challenge-leaderboard"))
                        .containsText("when your teacher reveals the results");
                LatentMapInspection.waitForDecoded(student, "challenge-map");
                Locator map = student.locator("latent-map#challenge-map canvas.map");
                map.scrollIntoViewIfNeeded();
                BoundingBox box = map.boundingBox();
                student.mouse().click(box.x + box.width * (name.equals("amina") ? 0.4 : 0.7),
                        box.y + box.height * 0.5);
                assertThat(student.locator("#challenge-reading")).containsText("1 of 1 points picked.");
                assertThat(student.locator("#challenge-picks .ll-pick")).hasCount(1);
                student.locator("#challenge-submit").click();
                assertThat(student.locator("#challenge-reading")).containsText("Submitted. The server scored it");
                assertThat(student.locator("#challenge-history li").first()).containsText("score");
            }

            // The teacher never reloaded: the two rows came by push.
            assertThat(teacher).hasURL(challengeUrl);
            assertThat(teacher.locator("#challenge-leaderboard .ll-leaderboard-row")).hasCount(2);
            assertThat(teacher.locator("#challenge-leaderboard")).containsText("Student amina");
            assertThat(teacher.locator("#challenge-leaderboard")).containsText("Student budi");
            Chromium.screenshot(teacher, "challenge-teacher");

            // Results are revealed only once the challenge has closed.
            assertThat(teacher.locator("#challenge-reveal")).hasCount(0);
            teacher.locator("#challenge-close").click();
            Page amina = aminaContext.pages().getFirst();
            assertThat(amina.locator("#challenge-state")).hasText("Closed");
            assertThat(amina.locator("#challenge-submit")).isDisabled();
            teacher.locator("#challenge-reveal").click();
            // The controls are drawn again once the reveal is stored.
            assertThat(teacher.locator("#challenge-reveal")).hasCount(0);
            assertThat(amina.locator("#challenge-leaderboard .ll-leaderboard-row")).hasCount(2);
            Chromium.screenshot(amina, "challenge-student");
        }
    }

    @Test
    void aMelodyMorphWithAClassVoteStudentsSubmitListenVoteAndTheTeacherSeesTheTallyLive() {
        try (BrowserContext teacherContext = chromium.browser().newContext(tall());
                BrowserContext aminaContext = chromium.browser().newContext(tall());
                BrowserContext budiContext = chromium.browser().newContext(tall())) {
            Page teacher = teacherOnChallenges(teacherContext);
            teacher.locator("#challenge-kind").click();
            teacher.locator("vaadin-select-item", new Page.LocatorOptions()
                    .setHasText("Morph one tune into another (music)")).click();
            assertThat(teacher.locator("#challenge-tune-from")).isVisible();
            assertThat(teacher.locator("#challenge-model")).isHidden();
            teacher.locator("#challenge-class-vote input").check();
            teacher.locator("#challenge-open").click();
            assertThat(teacher.locator("#challenge-header h1")).containsText("Morph");
            assertThat(teacher.locator("#challenge-tune-a svg")).hasCount(1);
            assertThat(teacher.locator("#challenge-vote")).containsText("Revealing the results ends the vote.");
            String challengeUrl = teacher.url();

            Page amina = aminaContext.newPage();
            Chromium.signIn(amina, url("/login"), "amina", ClassroomFixture.PASSWORD);
            amina.navigate(challengeUrl);
            assertThat(amina.locator("#challenge-rules")).containsText("8");
            amina.locator("#challenge-fill").click();
            assertThat(amina.locator("#challenge-reading")).containsText("8 of 8 points picked. Score if you submit now");
            amina.locator("#challenge-pick-4").click();
            assertThat(amina.locator("#challenge-chosen-melody svg")).hasCount(1);
            amina.locator("#challenge-chosen-melody button").click();
            amina.waitForFunction("() => document.querySelector('#challenge-chosen-melody').playedSteps > 2");
            amina.locator("#challenge-submit").click();
            assertThat(amina.locator("#challenge-reading")).containsText("Submitted. The server scored it");

            Page budi = budiContext.newPage();
            Chromium.signIn(budi, url("/login"), "budi", ClassroomFixture.PASSWORD);
            budi.navigate(challengeUrl);
            for (int i = 0; i < 8; i++) {
                budi.locator("#challenge-random").click();
                budi.locator("#challenge-use").click();
                assertThat(budi.locator("#challenge-picks vaadin-button")).hasCount(i + 1);
            }
            budi.locator("#challenge-submit").click();
            assertThat(budi.locator("#challenge-reading")).containsText("Submitted. The server scored it");
            assertThat(budi.locator("#challenge-vote")).containsText("When this challenge closes");

            assertThat(teacher.locator("#challenge-leaderboard .ll-leaderboard-row")).hasCount(2);
            teacher.locator("#challenge-close").click();
            assertThat(teacher.locator("#challenge-vote-status")).hasText(
                    "The class vote is open: 0 vote(s) so far. Revealing the results ends it.");

            // The students' pages turn into ballots by push: names hidden, no button on one's own answer.
            assertThat(amina.locator("#challenge-vote .ll-ballot-entry")).hasCount(2);
            assertThat(amina.locator("#challenge-vote")).not().containsText("Student budi");
            assertThat(amina.locator("#challenge-vote")).containsText("Your answer");
            Locator other = amina.locator(".ll-ballot-entry:has(vaadin-button[id^=challenge-vote-for-])");
            assertThat(other).hasCount(1);
            String number = other.locator(".ll-ballot-title").textContent().replace("Answer ", "").strip();
            other.locator("vaadin-button[id^=challenge-ballot-listen-]").click();
            assertThat(amina.locator("#challenge-vote-melody svg")).hasCount(1);
            other.locator("vaadin-button[id^=challenge-vote-for-]").click();
            assertThat(amina.locator("#challenge-vote-status")).containsText("Your vote: answer " + number + ".");
            Chromium.screenshot(amina, "challenge-vote-student");
            assertThat(teacher.locator("#challenge-vote-status")).containsText("1 vote(s) so far");

            budi.locator("vaadin-button[id^=challenge-vote-for-]").click();
            assertThat(teacher.locator("#challenge-vote-status")).containsText("2 vote(s) so far");
            Chromium.screenshot(teacher, "challenge-vote-teacher");
            teacher.locator("#challenge-reveal").click();
            assertThat(amina.locator("#challenge-leaderboard .ll-leaderboard-row")).hasCount(2);
            assertThat(amina.locator("#challenge-leaderboard .ll-leaderboard-votes").first()).containsText("1 vote(s)");
            assertThat(amina.locator("#challenge-vote-status")).hasText("The class vote is over: 2 vote(s).");
            assertThat(amina.locator("#challenge-vote")).containsText("Student budi");
            amina.locator("#challenge-leaderboard vaadin-button").first().click();
            assertThat(amina.locator("#challenge-board-melody svg")).hasCount(1);
            Chromium.screenshot(amina, "challenge-vote-revealed");
        }
    }
}
