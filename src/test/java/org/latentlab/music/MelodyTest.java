package org.latentlab.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;

/** The melody value, its text form, its helpers and the training data built from the corpus. */
class MelodyTest {

    static final Melody SCALE = Melody.parse(
            "C4 - D4 - E4 - F4 - G4 - A4 - B4 - C5 - - - . . . . . . G4 - - - C4 - - -");

    @Test
    void theTextFormGoesBothWays() {
        assertThat(Melody.parse(SCALE.toText())).isEqualTo(SCALE);
        assertThat(Melody.parse("60 - 62 - 64 - 65 - 67 - 69 - 71 - 72 - - - . . . . . . 67 - - - 60 - - -"))
                .isEqualTo(SCALE);
        assertThat(Melody.parse("Bb3 - Db4 -" + " .".repeat(28)).pitches()).containsExactly(58, 61);
        assertThat(SCALE.hashCode()).isEqualTo(Melody.parse(SCALE.toText()).hashCode());
        assertThat(SCALE.toString()).contains("C4 - D4");
    }

    @Test
    void theTokensAreCopiedInAndOut() {
        int[] tokens = SCALE.tokens();
        tokens[0] = 70;
        assertThat(SCALE.token(0)).isEqualTo(60);
        Melody melody = new Melody(tokens);
        tokens[0] = 71;
        assertThat(melody.token(0)).isEqualTo(70);
    }

    @Test
    void wrongLengthsAndTokensAreRefusedWithAMessageKey() {
        assertThatThrownBy(() -> Melody.of(60, Melody.HOLD)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("melody");
            assertThat(e.messageKey()).isEqualTo("challenge.music.melody.length");
            assertThat(e.arguments()).containsExactly(2, 32);
        });
        int[] low = SCALE.tokens();
        low[4] = 47;
        assertThatThrownBy(() -> new Melody(low)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("challenge.music.melody.token");
            assertThat(e.arguments()).containsExactly(5, "47");
        });
        int[] odd = SCALE.tokens();
        odd[3] = -7;
        assertThatThrownBy(() -> new Melody(odd)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Melody.parse(SCALE.toText().replace("A4", "H4")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("challenge.music.melody.token");
                    assertThat(e.arguments()).containsExactly(11, "H4");
                });
        assertThatThrownBy(() -> Melody.parse("C4 - -")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.arguments()).containsExactly(3, 32));
    }

    @Test
    void aHoldMustContinueANote() {
        int[] afterRest = SCALE.tokens();
        afterRest[20] = Melody.HOLD;
        assertThatThrownBy(() -> new Melody(afterRest)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("challenge.music.melody.hold");
            assertThat(e.arguments()).containsExactly(21);
        });
        int[] first = SCALE.tokens();
        first[0] = Melody.HOLD;
        assertThatThrownBy(() -> new Melody(first)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void notesOnsetsPitchesAndRange() {
        assertThat(SCALE.notes()).first().isEqualTo(new Melody.Note(0, 60, 2));
        assertThat(SCALE.notes()).element(7).isEqualTo(new Melody.Note(14, 72, 4));
        assertThat(SCALE.notes()).last().isEqualTo(new Melody.Note(28, 60, 4));
        assertThat(SCALE.onsets()).containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 24, 28);
        assertThat(SCALE.pitches()).containsExactly(60, 62, 64, 65, 67, 69, 71, 72, 67, 60);
        assertThat(SCALE.lastPitch()).hasValue(60);
        assertThat(SCALE.range()).isEqualTo(12);
        assertThat(Melody.silence().lastPitch()).isEmpty();
        assertThat(Melody.silence().range()).isZero();
        assertThat(Melody.noteName(61)).isEqualTo("C#4");
        assertThat(Melody.noteName(48)).isEqualTo("C3");
        assertThat(SCALE.agreement(SCALE)).isEqualTo(32);
        assertThat(SCALE.agreement(Melody.silence())).isEqualTo(6);
    }

    @Test
    void transpositionMovesNotesAndKeepsRestsAndHolds() {
        Melody up = SCALE.transposed(5).orElseThrow();
        assertThat(up.pitches()).containsExactly(65, 67, 69, 70, 72, 74, 76, 77, 72, 65);
        assertThat(up.onsets()).isEqualTo(SCALE.onsets());
        assertThat(SCALE.transposed(-12).orElseThrow().pitches()).containsExactly(48, 50, 52, 53, 55, 57, 59, 60,
                55, 48);
        assertThat(SCALE.transposed(-13)).as("C4 - 13 is below C3").isEmpty();
        assertThat(SCALE.transposed(12)).as("C5 + 12 is C6").isEmpty();
        assertThat(SCALE.transposed(11)).isPresent();
    }

    @Test
    void tokenClassesCoverRestHoldAndThe36Pitches() {
        assertThat(Melody.tokenClass(Melody.REST)).isZero();
        assertThat(Melody.tokenClass(Melody.HOLD)).isEqualTo(1);
        assertThat(Melody.tokenClass(48)).isEqualTo(2);
        assertThat(Melody.tokenClass(83)).isEqualTo(37);
        for (int c = 0; c < Melody.VOCABULARY; c++) {
            assertThat(Melody.tokenClass(Melody.tokenOfClass(c))).isEqualTo(c);
        }
    }

    @Test
    void everyCorpusMelodyComesInUpToTwelveKeys() {
        assertThat(MelodyData.inAllKeys(SCALE)).hasSize(12).doesNotHaveDuplicates().contains(SCALE);
        for (MelodyCorpus.Entry entry : MelodyCorpus.entries()) {
            assertThat(MelodyData.inAllKeys(entry.melody())).as(entry.tune().label()).hasSizeBetween(6, 12)
                    .contains(entry.melody());
        }
    }

    @Test
    void theSplitIsByTuneFixedBySeedAndDisjoint() {
        MelodyData data = MelodyData.of(MelodyData.SEED);
        MelodyData again = MelodyData.of(MelodyData.SEED);
        assertThat(again.testGroups()).isEqualTo(data.testGroups());
        assertThat(again.train()).isEqualTo(data.train());
        Set<String> all = new HashSet<>(data.trainGroups());
        all.addAll(data.validationGroups());
        all.addAll(data.testGroups());
        assertThat(all).hasSize(data.trainGroups().size() + data.validationGroups().size()
                + data.testGroups().size());
        int tunes = (int) MelodyCorpus.entries().stream().map(MelodyCorpus.Entry::group).distinct().count();
        assertThat(all).hasSize(tunes);
        assertThat(data.testGroups().size()).isEqualTo((int) Math.round(tunes * 0.1));
        // Every phrase of a tune, in every key, lands on the side of its tune.
        for (MelodyCorpus.Entry entry : MelodyCorpus.entries()) {
            var side = data.testGroups().contains(entry.group()) ? data.test()
                    : data.validationGroups().contains(entry.group()) ? data.validation() : data.train();
            var keys = MelodyData.inAllKeys(entry.melody());
            if (side == data.train()) {
                assertThat(side).as(entry.tune().label()).containsAll(keys);
            } else {
                assertThat(side).as(entry.tune().label()).containsAll(keys.stream()
                        .filter(m -> !data.train().contains(m)).toList());
            }
        }
        Set<Melody> test = new HashSet<>(data.test());
        assertThat(data.train()).noneMatch(test::contains);
        assertThat(MelodyData.of(MelodyData.SEED + 1).testGroups()).isNotEqualTo(data.testGroups());
    }
}
