package org.latentlab.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;

/** MIDI files of melodies, read back by Java's own MIDI file reader. */
class MidiExportTest {

    /** Notes as read back: pitch, start tick, end tick. */
    record Heard(int pitch, long on, long off) {
    }

    private static List<Heard> notes(Track track) {
        List<Heard> heard = new ArrayList<>();
        List<MidiEvent> open = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            if (event.getMessage() instanceof ShortMessage message) {
                boolean on = message.getCommand() == ShortMessage.NOTE_ON && message.getData2() > 0;
                boolean off = message.getCommand() == ShortMessage.NOTE_OFF
                        || message.getCommand() == ShortMessage.NOTE_ON && message.getData2() == 0;
                if (on) {
                    open.add(event);
                } else if (off) {
                    MidiEvent start = open.stream()
                            .filter(e -> ((ShortMessage) e.getMessage()).getData1() == message.getData1()).findFirst()
                            .orElseThrow();
                    open.remove(start);
                    heard.add(new Heard(message.getData1(), start.getTick(), event.getTick()));
                }
            }
        }
        assertThat(open).as("every note ends").isEmpty();
        return heard;
    }

    @Test
    void aMidiFileReadsBackWithItsNotesDurationsAndTempo() throws Exception {
        Melody melody = MelodyTest.SCALE;
        byte[] bytes = MidiExport.write(melody, 96);
        MidiFileFormat format = MidiSystem.getMidiFileFormat(new ByteArrayInputStream(bytes));
        assertThat(format.getType()).isZero();
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        assertThat(sequence.getDivisionType()).isEqualTo(Sequence.PPQ);
        assertThat(sequence.getResolution()).isEqualTo(480);
        assertThat(sequence.getTracks()).hasSize(1);
        Track track = sequence.getTracks()[0];

        List<Heard> expected = new ArrayList<>();
        for (Melody.Note note : melody.notes()) {
            expected.add(new Heard(note.pitch(), note.step() * 120L, (note.step() + note.length()) * 120L));
        }
        assertThat(notes(track)).containsExactlyElementsOf(expected);
        // The high C lasts a quarter (4 steps: the note and three holds), the rests keep their time.
        assertThat(notes(track).get(7)).isEqualTo(new Heard(72, 14 * 120, 18 * 120));
        assertThat(sequence.getTickLength()).isEqualTo(32 * 120);

        MetaMessage tempo = null;
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof MetaMessage meta && meta.getType() == 0x51) {
                tempo = meta;
                assertThat(track.get(i).getTick()).isZero();
            }
        }
        assertThat(tempo).isNotNull();
        byte[] data = tempo.getData();
        int microsPerQuarter = (data[0] & 0xFF) << 16 | (data[1] & 0xFF) << 8 | data[2] & 0xFF;
        assertThat(microsPerQuarter).isEqualTo(625_000);
        // Two bars of 4/4 at 96 beats a minute last 5 s.
        assertThat(sequence.getMicrosecondLength()).isEqualTo(5_000_000L);
    }

    @Test
    void trailingRestsKeepTheirTimeAndSilenceIsAnEmptyTrack() throws Exception {
        Melody shortOne = Melody.parse("C4 - - -" + " .".repeat(28));
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(MidiExport.write(shortOne, 120)));
        assertThat(notes(sequence.getTracks()[0])).containsExactly(new Heard(60, 0, 480));
        assertThat(sequence.getTickLength()).isEqualTo(32 * 120);
        Sequence silent = MidiSystem.getSequence(new ByteArrayInputStream(MidiExport.write(Melody.silence(), 120)));
        assertThat(notes(silent.getTracks()[0])).isEmpty();
        assertThat(silent.getMicrosecondLength()).isEqualTo(4_000_000L);
    }

    @Test
    void everyCorpusMelodyBecomesAReadableFile() throws Exception {
        for (MelodyCorpus.Entry entry : MelodyCorpus.entries()) {
            Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(MidiExport.write(entry.melody(),
                    100)));
            assertThat(notes(sequence.getTracks()[0])).as(entry.tune().label()).hasSize(entry.melody().notes().size());
        }
    }

    @Test
    void tempiOutsideTwentyToThreeHundredAreRefused() {
        assertThatThrownBy(() -> MidiExport.write(MelodyTest.SCALE, 19)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("challenge.music.midi.tempo");
                    assertThat(e.arguments()).containsExactly(20, 300);
                });
        assertThatThrownBy(() -> MidiExport.write(MelodyTest.SCALE, 301)).isInstanceOf(InvalidInputException.class);
        assertThat(MidiExport.write(MelodyTest.SCALE, 300)).isNotEmpty();
    }
}
