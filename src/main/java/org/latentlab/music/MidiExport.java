package org.latentlab.music;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.latentlab.base.InvalidInputException;

/**
 * A melody as a standard MIDI file (type 0: one track), for download and playback: 480 ticks per quarter note, so
 * a step (a sixteenth) is 120 ticks; a tempo and a 4/4 time signature at tick 0; then, on channel 1 with an
 * acoustic grand piano, each note on at its start and off after its length, holds included. The track ends after
 * the 32nd step, so trailing rests keep their time.
 */
public final class MidiExport {

    public static final int TICKS_PER_QUARTER = 480;
    public static final int TICKS_PER_STEP = TICKS_PER_QUARTER / Melody.STEPS_PER_BEAT;
    public static final int MIN_BPM = 20;
    public static final int MAX_BPM = 300;
    static final int VELOCITY = 90;
    static final int TEMPO = 0x51;
    static final int TIME_SIGNATURE = 0x58;
    static final int END_OF_TRACK = 0x2F;

    private MidiExport() {
    }

    /** The bytes of a type-0 MIDI file of the melody at {@code bpm} quarter notes a minute (20 to 300). */
    public static byte[] write(Melody melody, int bpm) {
        if (bpm < MIN_BPM || bpm > MAX_BPM) {
            throw new InvalidInputException("bpm", "challenge.music.midi.tempo", MIN_BPM, MAX_BPM);
        }
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, TICKS_PER_QUARTER);
            Track track = sequence.createTrack();
            int microsPerQuarter = 60_000_000 / bpm;
            track.add(new MidiEvent(new MetaMessage(TEMPO, new byte[] {(byte) (microsPerQuarter >> 16),
                    (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter}, 3), 0));
            // 4/4: numerator 4, denominator 2^2, 24 MIDI clocks per metronome click, 8 32nds per quarter.
            track.add(new MidiEvent(new MetaMessage(TIME_SIGNATURE, new byte[] {4, 2, 24, 8}, 4), 0));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 0, 0), 0));
            for (Melody.Note note : melody.notes()) {
                long on = (long) note.step() * TICKS_PER_STEP;
                long off = on + (long) note.length() * TICKS_PER_STEP;
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, note.pitch(), VELOCITY), on));
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, note.pitch(), 0), off));
            }
            // Java keeps the end-of-track event last; moving it to the end of step 32 keeps trailing rests.
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getMessage() instanceof MetaMessage meta && meta.getType() == END_OF_TRACK) {
                    track.get(i).setTick((long) Melody.STEPS * TICKS_PER_STEP);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(sequence, 0, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("Cannot build the MIDI events of " + melody, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
