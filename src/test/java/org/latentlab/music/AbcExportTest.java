package org.latentlab.music;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ABC text for abcjs: readable, with bars, ties and accidentals right, and it reads back to the same melody. */
class AbcExportTest {

    @Test
    void aMelodyBecomesAbcWithBarsAndPlainNoteValues() {
        assertThat(AbcExport.toAbc(MelodyTest.SCALE, "A scale")).isEqualTo("""
                X:1
                T:A scale
                M:4/4
                L:1/16
                K:C
                C2 D2 E2 F2 G2 A2 B2 c2- | c2 z6 G4 C4 |]
                """);
    }

    @Test
    void notesAreTiedAcrossTheBarLineAndOddLengthsAreSplit() {
        Melody melody = Melody.parse("F#4 - - - - - - - - - - - - - E5 - - - - - F4 - - - - . . . . C3 B5 -");
        String abc = AbcExport.toAbc(melody, "Ties");
        assertThat(abc).endsWith("K:C\n^F12-^F2 e2- | e4 F4-F z4 C, b2 |]\n");
        assertThat(AbcParser.parse(abc).melody()).isEqualTo(melody);
    }

    @Test
    void aNaturalAfterASharpInTheSameBarIsMarked() {
        Melody melody = Melody.parse("F#4 - F4 - F#4 - F4 -" + " .".repeat(8) + " F4 - - -" + " .".repeat(12));
        String abc = AbcExport.toAbc(melody, "Naturals");
        assertThat(abc).contains("^F2 =F2 ^F2 =F2 z8 | F4 z12 |]");
        assertThat(AbcParser.parse(abc).melody()).isEqualTo(melody);
    }

    @Test
    void everyCorpusMelodyInEveryKeyReadsBackUnchanged() {
        for (MelodyCorpus.Entry entry : MelodyCorpus.entries()) {
            for (Melody melody : MelodyData.inAllKeys(entry.melody())) {
                String abc = AbcExport.toAbc(melody, entry.tune().fullTitle());
                assertThat(AbcParser.parse(abc).melody()).as(abc).isEqualTo(melody);
            }
        }
    }

    @Test
    void aMorphIsOnePieceWithFourBarsToALineAndNotesTiedAcrossMelodies() {
        Melody held = Melody.parse("C4" + " -".repeat(31));
        String abc = AbcExport.toAbc(java.util.List.of(MelodyTest.SCALE, held, Melody.silence()), "Morph");
        assertThat(abc).endsWith("K:C\nC2 D2 E2 F2 G2 A2 B2 c2- | c2 z6 G4 C4 | C16- | C16 |\nz16 | z16 |]\n");
    }

    @Test
    void titlesStayOnOneLine() {
        assertThat(AbcExport.toAbc(Melody.silence(), "two\nlines")).contains("T:two lines\n");
        assertThat(AbcExport.toAbc(Melody.silence(), " ")).contains("T:Melody\n").contains("z16 | z16 |]");
    }
}
