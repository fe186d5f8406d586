package org.latentlab.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;

/** The two music challenges' scores on melodies made by hand. */
class MelodyRulesTest {

    private static final Melody CADENCE = Melody.parse(
            "E4 - D4 - C4 - D4 - E4 - E4 - E4 - - - D4 - D4 - E4 - D4 - C4 - - - - - - -");

    private static MelodyRules.RuleResult rule(MelodyRules.Score score, String key) {
        return score.rules().stream().filter(r -> r.messageKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aCMajorMelodyEndingOnCScoresFullMarks() {
        MelodyRules.Score score = MelodyRules.cMajorEndingOnTonic(CADENCE);
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.rules()).extracting(MelodyRules.RuleResult::messageKey).containsExactly(
                "challenge.music.cmajor.inKey", "challenge.music.cmajor.tonic", "challenge.music.cmajor.notes",
                "challenge.music.cmajor.range");
        assertThat(score.rules()).allMatch(MelodyRules.RuleResult::passed);
        assertThat(rule(score, "challenge.music.cmajor.inKey").arguments()).containsExactly(12, 12, 40, 40);
        assertThat(rule(score, "challenge.music.cmajor.tonic").arguments()).containsExactly("C4", 30, 30);
        assertThat(score.rules()).extracting(MelodyRules.RuleResult::maxPoints).containsExactly(40, 30, 15, 15);
    }

    @Test
    void endingOnAnotherNoteLosesTheTonicPoints() {
        Melody onG = Melody.parse(CADENCE.toText().replace("C4 - - - - - - -", "G4 - - - - - - -"));
        MelodyRules.Score score = MelodyRules.cMajorEndingOnTonic(onG);
        assertThat(score.score()).isEqualTo(70);
        MelodyRules.RuleResult tonic = rule(score, "challenge.music.cmajor.notTonic");
        assertThat(tonic.passed()).isFalse();
        assertThat(tonic.arguments()).containsExactly("G4", 0, 30);
        // A C that sounds last counts in any octave, even after a rest.
        Melody highC = Melody.parse("E4 - D4 - G4 - A4 - B4 - - - . . . . C5 - - -" + " .".repeat(12));
        assertThat(MelodyRules.cMajorEndingOnTonic(highC).score()).isEqualTo(100);
    }

    @Test
    void notesOutsideTheScaleCostTheirShareOfFortyPoints() {
        // 12 notes, 3 of them (F#, Bb, C#) outside C major: 40 x 9/12 = 30.
        Melody chromatic = Melody.parse(
                "E4 - F#4 - C4 - D4 - Bb4 - E4 - E4 - - - D4 - C#4 - E4 - D4 - C4 - - - - - - -");
        MelodyRules.Score score = MelodyRules.cMajorEndingOnTonic(chromatic);
        assertThat(rule(score, "challenge.music.cmajor.inKey").arguments()).containsExactly(9, 12, 30, 40);
        assertThat(score.score()).isEqualTo(90);
    }

    @Test
    void fewNotesAndWideLeapsScoreLess() {
        Melody four = Melody.parse("E4 - - - - - - - D4 - - - - - - - G4 - - - - - - - C4 - - - - - - -");
        MelodyRules.Score fourNotes = MelodyRules.cMajorEndingOnTonic(four);
        assertThat(rule(fourNotes, "challenge.music.cmajor.notes").arguments()).containsExactly(4, 6, 10, 15);
        assertThat(fourNotes.score()).isEqualTo(95);
        Melody wide = Melody.parse("C3 - E3 - G3 - C4 - E4 - G4 - C5 - E5 - G5 - - - - - - - C4 - - - - - - -");
        MelodyRules.Score wideScore = MelodyRules.cMajorEndingOnTonic(wide);
        assertThat(rule(wideScore, "challenge.music.cmajor.range").arguments()).containsExactly(31, 18, 0, 15);
        assertThat(wideScore.score()).isEqualTo(85);
        Melody twoNotes = Melody.parse("C4 - - - - - - - - - - - - - - - C4 - - - - - - - - - - - - - - -");
        MelodyRules.Score tooFew = MelodyRules.cMajorEndingOnTonic(twoNotes);
        assertThat(tooFew.score()).isZero();
        assertThat(tooFew.rules()).singleElement().satisfies(r -> {
            assertThat(r.messageKey()).isEqualTo("challenge.music.cmajor.tooFewNotes");
            assertThat(r.arguments()).containsExactly(2, 3);
        });
        assertThat(MelodyRules.cMajorEndingOnTonic(Melody.silence()).score()).isZero();
    }

    /** Eight melodies from a to b, each changing a few more steps of a into b's. */
    private static List<Melody> gradual(Melody a, Melody b) {
        List<Melody> path = new ArrayList<>();
        List<Integer> different = new ArrayList<>();
        for (int s = 0; s < Melody.STEPS; s++) {
            if (a.token(s) != b.token(s)) {
                different.add(s);
            }
        }
        path.add(a);
        for (int i = 1; i < MelodyRules.MORPH_STEPS; i++) {
            int upTo = different.size() * i / (MelodyRules.MORPH_STEPS - 1);
            int[] next = a.tokens();
            for (int d = 0; d < upTo; d++) {
                next[different.get(d)] = b.token(different.get(d));
            }
            // Keep holds valid: a hold after a rest becomes a rest.
            for (int s = 0; s < Melody.STEPS; s++) {
                if (next[s] == Melody.HOLD && (s == 0 || next[s - 1] == Melody.REST)) {
                    next[s] = Melody.REST;
                }
            }
            path.add(new Melody(next));
        }
        return path;
    }

    @Test
    void aGradualMorphScoresFullMarksAndAJumpLosesSmoothness() {
        Melody a = CADENCE;
        Melody b = MelodyTest.SCALE;
        List<Melody> smooth = gradual(a, b);
        MelodyRules.Score score = MelodyRules.morph(a, b, smooth);
        assertThat(score.score()).isEqualTo(100);
        assertThat(rule(score, "challenge.music.morph.start").arguments()).containsExactly(32, 32, 30, 30);
        assertThat(score.rules()).extracting(MelodyRules.RuleResult::messageKey).doesNotContain(
                "challenge.music.morph.jump");

        List<Melody> jump = new ArrayList<>(Collections.nCopies(7, a));
        jump.add(b);
        int changed = Melody.STEPS - a.agreement(b);
        MelodyRules.Score jumpScore = MelodyRules.morph(a, b, jump);
        int smoothPoints = Math.max(0, 40 - 5 * (changed - 8));
        assertThat(rule(jumpScore, "challenge.music.morph.smooth").arguments()).containsExactly(changed, 8,
                smoothPoints, 40);
        assertThat(rule(jumpScore, "challenge.music.morph.jump").arguments()).containsExactly(7, 8, changed, 8);
        assertThat(jumpScore.score()).isEqualTo(60 + smoothPoints);
        assertThat(jumpScore.score()).isLessThanOrEqualTo(70);
        // A smaller jump costs less: ten changed steps are two more than allowed, 2 x 5 points.
        int[] tokens = a.tokens();
        for (int step : a.onsets().subList(0, 10)) {
            tokens[step]++;
        }
        Melody near = new Melody(tokens);
        MelodyRules.Score ten = MelodyRules.morph(a, near, List.of(a, a, a, a, a, a, near, near));
        assertThat(rule(ten, "challenge.music.morph.smooth").arguments()).containsExactly(10, 8, 30, 40);
        assertThat(rule(ten, "challenge.music.morph.jump").arguments()).containsExactly(6, 7, 10, 8);
        assertThat(ten.score()).isEqualTo(90);
    }

    @Test
    void aPathThatNeverLeavesAScoresTheStepsItSharesWithB() {
        Melody a = CADENCE;
        Melody b = MelodyTest.SCALE;
        MelodyRules.Score score = MelodyRules.morph(a, b, Collections.nCopies(8, a));
        int shared = a.agreement(b);
        assertThat(rule(score, "challenge.music.morph.end").arguments()).containsExactly(shared, 32,
                (int) Math.round(30.0 * shared / 32), 30);
        assertThat(score.score()).isEqualTo(70 + (int) Math.round(30.0 * shared / 32));
    }

    @Test
    void aMorphNeedsExactlyEightMelodies() {
        assertThatThrownBy(() -> MelodyRules.morph(CADENCE, CADENCE, List.of(CADENCE, CADENCE)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("challenge.music.morph.count");
                    assertThat(e.arguments()).containsExactly(8, 2);
                });
    }

    @Test
    void everyRuleMessageIsInTheEnglishBundleWithItsPlaceholders() throws IOException {
        Properties english = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("i18n/messages.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<MelodyRules.Score> scores = List.of(MelodyRules.cMajorEndingOnTonic(CADENCE),
                MelodyRules.cMajorEndingOnTonic(Melody.silence()),
                MelodyRules.cMajorEndingOnTonic(Melody.parse(CADENCE.toText().replace("C4 - - - - - - -",
                        "G4 - - - - - - -"))),
                MelodyRules.morph(CADENCE, MelodyTest.SCALE, Collections.nCopies(8, CADENCE)),
                MelodyRules.morph(CADENCE, Melody.silence(), Collections.nCopies(8, Melody.silence())));
        for (MelodyRules.Score score : scores) {
            for (MelodyRules.RuleResult result : score.rules()) {
                String pattern = english.getProperty(result.messageKey());
                assertThat(pattern).as(result.messageKey()).isNotNull();
                for (int i = 0; i < result.arguments().size(); i++) {
                    assertThat(pattern).as(result.messageKey()).contains("{" + i + "}");
                }
            }
            assertThat(score.score()).isEqualTo(score.rules().stream().mapToInt(MelodyRules.RuleResult::points)
                    .sum());
        }
        for (String key : List.of(MelodyRules.C_MAJOR_TITLE, MelodyRules.C_MAJOR_RULES, MelodyRules.MORPH_TITLE,
                MelodyRules.MORPH_RULES)) {
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        }
    }
}
