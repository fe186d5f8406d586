package org.latentlab.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our ABC subset, the corpus written in it, and the messages for what it refuses. */
class AbcParserTest {

    private static AbcTune tune(String key, String unit, String body) {
        return AbcParser.parse("X:1\nT:Test\nM:4/4\nL:" + unit + "\nK:" + key + "\n" + body + "\n");
    }

    @Test
    void theWholeCorpusParses() {
        List<MelodyCorpus.Entry> entries = MelodyCorpus.entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(150);
        long tunes = entries.stream().filter(e -> e.kind() == MelodyCorpus.Kind.TUNE).count();
        long distinctTunes = entries.stream().filter(e -> e.kind() == MelodyCorpus.Kind.TUNE)
                .map(MelodyCorpus.Entry::group).distinct().count();
        long exercises = entries.stream().filter(e -> e.kind() == MelodyCorpus.Kind.EXERCISE).count();
        assertThat(tunes).isGreaterThanOrEqualTo(110);
        assertThat(distinctTunes).isGreaterThanOrEqualTo(90);
        assertThat(exercises).isGreaterThanOrEqualTo(30);
        Set<String> numbers = new HashSet<>();
        for (MelodyCorpus.Entry entry : entries) {
            AbcTune tune = entry.tune();
            assertThat(numbers.add(entry.kind() + ":" + tune.number())).as("X: %s is unique", tune.label()).isTrue();
            assertThat(tune.title()).isNotBlank();
            assertThat(tune.source()).as("S: of %s", tune.label()).isNotBlank();
            assertThat(tune.meter()).as("M: of %s", tune.label()).isNotBlank();
            assertThat(tune.unitLength()).as("L: of %s", tune.label()).isNotBlank();
            if (entry.kind() == MelodyCorpus.Kind.TUNE) {
                assertThat(tune.origin()).as("O: of %s", tune.label()).isNotBlank();
            }
            assertThat(tune.sixteenths()).as("%s writes at least two bars of 4/4", tune.label())
                    .isGreaterThanOrEqualTo(Melody.STEPS);
            assertThat(tune.movedNotes()).as("%s fits C3..B5 as written", tune.label()).isZero();
            assertThat(entry.melody().notes()).as("%s has notes", tune.label()).hasSizeGreaterThanOrEqualTo(3);
        }
        System.out.printf("corpus: %d entries, %d tune entries (%d distinct tunes), %d exercises%n", entries.size(),
                tunes, distinctTunes, exercises);
    }

    @Test
    void corpusMdNamesTheSourceOfEveryEntry() {
        String corpus = MelodyCorpus.resource("latentlab/music/CORPUS.md");
        for (MelodyCorpus.Entry entry : MelodyCorpus.entries()) {
            AbcTune tune = entry.tune();
            String row = "| " + tune.number() + " | " + tune.fullTitle() + " |";
            assertThat(corpus).as("CORPUS.md row of %s", tune.label()).contains(row);
            if (entry.kind() == MelodyCorpus.Kind.TUNE) {
                assertThat(corpus).contains(row + " " + tune.origin() + " | " + tune.source() + " |");
            }
        }
    }

    @Test
    void notesOctavesRestsAndLengthsBecomeSteps() {
        AbcTune tune = tune("C", "1/8", "C D2 z/2 e/2 c'/ C,3/2 G,/ | B,4 ^F2 _B2 | =B8 |");
        assertThat(tune.melody()).isEqualTo(Melody.parse(
                "C4 - D4 - - - . E5 C5 C3 - - G3 B3 - - - - - - - F#4 - - - A#4 - - - B4 - -"));
        assertThat(tune.sixteenths()).isEqualTo(45);
        assertThat(tune.movedNotes()).as("c' is C6").isEqualTo(1);
        assertThat(tune.title()).isEqualTo("Test");
        assertThat(tune.key()).isEqualTo("C");
    }

    @Test
    void keySignaturesSharpenAndFlattenTheRightNotes() {
        assertThat(tune("G", "1/4", "F G c f | B A G F |").melody().pitches()).containsExactly(66, 67, 72, 78, 71, 69,
                67, 66);
        assertThat(tune("Bb", "1/4", "B E e A | F C D E |").melody().pitches()).containsExactly(70, 63, 75, 69, 65,
                60, 62, 63);
        assertThat(tune("Em", "1/4", "E F G A | B c d e |").melody().pitches()).containsExactly(64, 66, 67, 69, 71,
                72, 74, 76);
        assertThat(tune("Ddor", "1/4", "D E F G | A B c d |").melody().pitches()).containsExactly(62, 64, 65, 67, 69,
                71, 72, 74);
        assertThat(tune("F#m", "1/4", "F G A B | c d e f |").melody().pitches()).containsExactly(66, 68, 69, 71, 73,
                74, 76, 78);
        assertThat(tune("Eb", "1/4", "E A B D | E A B D |").melody().pitches()).containsExactly(63, 68, 70, 62, 63,
                68, 70, 62);
    }

    @Test
    void accidentalsLastUntilTheBarLineAndOnlyForTheirOctave() {
        AbcTune tune = tune("C", "1/8", "^F F f =F F G A B | F ^c c C _E E D2 |");
        assertThat(tune.melody().pitches()).containsExactly(66, 66, 77, 65, 65, 67, 69, 71, 65, 73, 73, 60, 63, 63,
                62);
    }

    @Test
    void tiesJoinNotesIntoHoldsAcrossBarLines() {
        AbcTune tune = tune("C", "1/8", "c4 e4- | e2 g2 c'4- | c'8 |");
        assertThat(tune.melody().toText()).isEqualTo(
                "C5 - - - - - - - E5 - - - - - - - - - - - G5 - - - C5 - - - - - - -");
        assertThat(tune.movedNotes()).isEqualTo(1);
    }

    @Test
    void brokenRhythmDotsTheFirstNoteOrTheSecond() {
        assertThat(tune("C", "1/8", "c>d e<f z8 z8").melody().toText()).startsWith("C5 - - D5 E5 F5 - - .");
        assertThat(tune("C", "1/4", "g>>a z4 z4").melody().toText()).startsWith("G5 - - - - - - A5 .");
    }

    @Test
    void notesOutsideTheRangeMoveByOctavesAndLongTunesAreCut() {
        AbcTune tune = tune("C", "1/4", "C,, D,, c'' d' | C D E F | G A B c | d e f g |");
        assertThat(tune.melody().pitches()).startsWith(48, 50, 72, 74, 60);
        assertThat(tune.movedNotes()).isEqualTo(4);
        assertThat(tune.melody().pitches()).hasSize(8);
        assertThat(tune.sixteenths()).isEqualTo(64);
    }

    @Test
    void shortTunesArePaddedWithRests() {
        AbcTune tune = tune("C", "1/4", "C E G2 |");
        assertThat(tune.melody().toText()).isEqualTo(
                "C4 - - - E4 - - - G4 - - - - - - - . . . . . . . . . . . . . . . .");
    }

    @Test
    void chordSymbolsDecorationsSlursAndCommentsAreSkipped() {
        AbcTune tune = tune("C", "1/4", "\"C\"C !trill!D ~E (FG) % a comment\n| \"Am\"A2 [K:G] F2 |");
        assertThat(tune.melody().pitches()).containsExactly(60, 62, 64, 65, 67, 69, 66);
    }

    @Test
    void aFileHoldsManyTunesAndSubtitlesAreKept() {
        List<AbcTune> tunes = AbcParser.parseAll("""
                % header comment
                X:1
                T:One
                T:verse
                O:Here
                S:Us
                M:3/4
                K:C
                C D E

                X:2
                T:Two
                M:2/4
                K:Am
                A B
                """);
        assertThat(tunes).extracting(AbcTune::title).containsExactly("One", "Two");
        assertThat(tunes.get(0).fullTitle()).isEqualTo("One (verse)");
        assertThat(tunes.get(0).origin()).isEqualTo("Here");
        assertThat(tunes.get(0).unitLength()).as("default for 3/4").isEqualTo("1/8");
        assertThat(tunes.get(1).unitLength()).as("default below 3/4").isEqualTo("1/16");
        assertThat(tunes.get(1).line()).isEqualTo(11);
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = ';', value = {
        "C D (3EFG A; challenge.music.abc.tuplet; 5; (3",
        "C D [CEG] A; challenge.music.abc.chord; 5; [CEG]",
        "C D {g}E A; challenge.music.abc.symbol; 5; {g}",
        "C D E/3 A; challenge.music.abc.length; 5; E/3",
        "C D- E A; challenge.music.abc.tie; 3; D",
        "C D # A; challenge.music.abc.symbol; 5; #",
        "C D Z2 A; challenge.music.abc.symbol; 5; Z",
        "C D |1 A; challenge.music.abc.symbol; 5; |1",
        "C D ^z A; challenge.music.abc.symbol; 5; ^z"})
    void errorsNameTheTuneTheLineTheColumnAndTheSymbol(String body, String key, int column, String symbol) {
        String abc = "X:7\nT:Broken\nM:4/4\nL:1/4\nK:C\nC D E F |\n" + body + "\n";
        assertThatThrownBy(() -> AbcParser.parse(abc)).isInstanceOfSatisfying(AbcSyntaxException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.arguments()).containsExactly("7 \"Broken\"", 7, column, symbol);
            assertThat(e.getMessage()).startsWith("Tune 7 \"Broken\", line 7, column " + column)
                    .contains(symbol);
            assertThat(e.field()).isEqualTo("abc");
        });
    }

    @Test
    void headerProblemsNameTheTuneAndTheField() {
        assertThatThrownBy(() -> AbcParser.parse("X:3\nT:No key\nM:4/4\n")).isInstanceOfSatisfying(
                AbcSyntaxException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("challenge.music.abc.field");
                    assertThat(e.arguments()).containsExactly("3 \"No key\"", "K:");
                });
        assertThatThrownBy(() -> AbcParser.parse("X:4\nT:Odd key\nK:H\nC")).isInstanceOfSatisfying(
                AbcSyntaxException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("challenge.music.abc.key");
                    assertThat(e.arguments()).containsExactly("4 \"Odd key\"", "H");
                    assertThat(e.getMessage()).contains("\"H\"");
                });
        assertThatThrownBy(() -> AbcParser.parse("X:5\nK:C\nC")).isInstanceOfSatisfying(AbcSyntaxException.class,
                e -> assertThat(e.arguments()).containsExactly("5", "T:"));
        assertThatThrownBy(() -> AbcParser.parse("X:6\nT:Silent\nK:C\n| |")).isInstanceOfSatisfying(
                AbcSyntaxException.class, e -> assertThat(e.messageKey()).isEqualTo("challenge.music.abc.empty"));
        assertThatThrownBy(() -> AbcParser.parse("T:No number\nK:C\nC")).isInstanceOf(AbcSyntaxException.class);
    }
}
