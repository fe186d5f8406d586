package org.latentlab.challenge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.server.VaadinSession;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeKind;
import org.latentlab.challenge.ChallengeLifecycle;
import org.latentlab.challenge.ChallengeSettings;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.challenge.KeepPolicy;
import org.latentlab.music.MelodyCodec;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.playground.LatentSpaces;
import org.latentlab.playground.ui.LatentMap;
import org.latentlab.test.ApplicationTest;
import org.latentlab.music.ui.MelodyView;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The challenge page without a browser: the workbench of the challenge's kind for students and none for the
 * teacher, and the history, ballot and leaderboard showing answers as pictures or as melodies to listen to. (The
 * live updates between several people's pages are the Chromium journey's.)
 */
@ApplicationTest
class ChallengeViewTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    SignIn signIn;
    @Autowired
    ChallengeLifecycle lifecycle;
    @Autowired
    ChallengeSubmissions submissions;
    @Autowired
    LatentSpaces spaces;
    @Autowired
    HeldOutDigits digits;

    AccountSummary rivka;
    AccountSummary amina;
    AccountSummary budi;
    ClassSummary year11;

    @BeforeEach
    void aClassWithTwoStudents() {
        rivka = fixture.teacher("rivka");
        amina = fixture.student("amina");
        budi = fixture.student("budi");
        signIn.as(rivka);
        year11 = classrooms.createClass("Year 11");
        for (AccountSummary student : List.of(amina, budi)) {
            signIn.as(student);
            classrooms.join(year11.joinCode());
        }
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    private Challenge opened(ChallengeKind kind, boolean classVote) {
        as(rivka);
        return lifecycle.create(year11.id(), new ChallengeSettings(kind, 7, 80, 0, 5, 0, false, 0, 0),
                kind.musical() ? null : "shipped:vae-2d", KeepPolicy.BEST, 10, classVote);
    }

    /**
     * One browserless session plays everyone: before another person signs in, the page is left and the pushes it
     * was sent run while its own viewer is still signed in.
     */
    private void as(AccountSummary person) {
        UI.getCurrent().navigate("");
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        signIn.as(person);
    }

    private void visit(Challenge challenge) {
        UI.getCurrent().navigate("challenges/" + challenge.id());
        assertThat(getCurrentView()).isInstanceOf(ChallengeView.class);
    }

    private String text(String id) {
        return $(Component.class).id(id).getElement().getTextRecursively();
    }

    private List<Button> buttons(String idPrefix) {
        return $(Button.class).all().stream().filter(b -> b.getId().orElse("").startsWith(idPrefix)).toList();
    }

    /** A panel's melody player, hidden until a Listen button fills it. */
    private MelodyView player(String panelId) {
        return $(Div.class).id(panelId).getChildren().filter(MelodyView.class::isInstance).map(MelodyView.class::cast)
                .findFirst().orElseThrow();
    }

    private float[] aSeven() {
        return spaces.open("shipped:vae-2d").encode(digits.randomOf(7, new Random(7)).pixels());
    }

    @Test
    void studentsGetTheWorkbenchOfTheChallengesKindAndTheTeacherGetsTheControlsInstead() {
        Challenge seven = opened(ChallengeKind.DIGIT, false);
        Challenge melody = opened(ChallengeKind.MELODY, false);
        visit(seven);
        assertThat($(Div.class).withId("challenge-workbench").all()).isEmpty();
        assertThat($(Div.class).withId("challenge-history").all()).isEmpty();
        assertThat(buttons("challenge-")).extracting(b -> b.getId().orElseThrow())
                .containsExactly("challenge-pause", "challenge-close");
        assertThat($(Anchor.class).id("challenge-csv").getText()).isEqualTo("Download the results (CSV)");
        assertThat(text("challenge-leaderboard")).contains("No submissions yet.");

        as(amina);
        visit(seven);
        assertThat($(LatentMap.class).id("challenge-map").getElement().getProperty("model")).isEqualTo("shipped:vae-2d");
        assertThat($(DecimalSlider.class).all()).isEmpty();
        assertThat($(Div.class).id("challenge-controls").getChildren()).isEmpty();
        assertThat(text("challenge-reading")).isEqualTo("0 of 1 points picked.");
        visit(melody);
        assertThat($(LatentMap.class).all()).isEmpty();
        assertThat($(DecimalSlider.class).id("challenge-slider-1")).isNotNull();
        test($(Button.class).id("challenge-use")).click();
        assertThat(text("challenge-reading")).startsWith("1 of 1 points picked. Score if you submit now: ");
        assertThat(buttons("challenge-pick-")).hasSize(1);
    }

    @Test
    void aStudentPicksAPointOnTheMapSubmitsItAndFindsItsScoreInHerHistory() {
        Challenge seven = opened(ChallengeKind.DIGIT, false);
        as(amina);
        visit(seven);
        assertThat(text("challenge-history")).contains("You have not submitted anything yet.");
        assertThat($(Button.class).id("challenge-submit").isEnabled()).isFalse();
        LatentMap map = $(LatentMap.class).id("challenge-map");
        ObjectNode point = JsonNodeFactory.instance.objectNode().put("event.detail.x", 0.5).put("event.detail.y", 0.5);
        map.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(map.getElement(), "latent-picked", point));
        assertThat(text("challenge-reading")).startsWith("1 of 1 points picked. Score if you submit now: ");
        assertThat($(Image.class, $(Div.class).id("challenge-picks")).all()).hasSize(1);

        test($(Button.class).id("challenge-submit")).click();
        assertThat(text("challenge-reading")).startsWith("Submitted. The server scored it ");
        assertThat($(ListItem.class, $(Div.class).id("challenge-history")).all()).isNotEmpty();
        assertThat(text("challenge-leaderboard"))
                .contains("The leaderboard appears here when your teacher reveals the results.");
    }

    @Test
    void theBallotAndTheLeaderboardShowAnImageAnswersPicturesAndLetOneListenToAMelody() {
        Challenge seven = opened(ChallengeKind.DIGIT, true);
        Challenge morph = opened(ChallengeKind.MELODY_MORPH, true);
        MelodyCodec codec = submissions.melodyCodec();
        for (AccountSummary student : List.of(amina, budi)) {
            as(student);
            submissions.submit(seven.id(), List.of(aSeven()), seven.modelVersion());
            submissions.submit(morph.id(), java.util.stream.Stream.generate(() -> codec.randomCode(new Random(8)))
                    .limit(8).toList(), morph.modelVersion());
        }
        as(rivka);
        lifecycle.close(seven.id());
        lifecycle.close(morph.id());

        as(amina);
        visit(seven);
        assertThat(text("challenge-vote-status")).contains("You have not voted yet.");
        assertThat(text("challenge-vote")).contains("Your answer");
        assertThat($(Image.class, $(Div.class).id("challenge-vote")).all()).hasSize(2)
                .allSatisfy(picture -> assertThat(picture.getSrc()).startsWith("data:image/png;base64,"));
        test(buttons("challenge-vote-for-").getFirst()).click();
        assertThat(text("challenge-vote-status")).contains("Your vote: answer");

        visit(morph);
        assertThat($(Image.class, $(Div.class).id("challenge-vote")).all()).isEmpty();
        assertThat(buttons("challenge-ballot-listen-")).hasSize(2);
        MelodyView player = player("challenge-vote");
        assertThat(player.isVisible()).isFalse();
        test(buttons("challenge-ballot-listen-").getFirst()).click();
        assertThat(player.isVisible()).isTrue();
        assertThat(player.getElement().getProperty("abc")).contains("Answer");

        as(rivka);
        lifecycle.reveal(morph.id());
        visit(morph);
        assertThat($(Div.class).withClassName("ll-leaderboard-row").all()).hasSize(2);
        MelodyView boardPlayer = player("challenge-leaderboard");
        test($(Button.class, $(Div.class).id("challenge-leaderboard")).first()).click();
        assertThat(boardPlayer.isVisible()).isTrue();
        assertThat(boardPlayer.getElement().getProperty("abc")).contains("Student");
        assertThat($(Paragraph.class, $(Div.class).id("challenge-vote")).all()).extracting(Paragraph::getText)
                .contains("The class vote is over: 0 vote(s).");
    }
}
