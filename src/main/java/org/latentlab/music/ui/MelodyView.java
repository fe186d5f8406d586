package org.latentlab.music.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import org.latentlab.music.AbcExport;
import org.latentlab.music.Melody;
import org.springframework.modulith.NamedInterface;

/**
 * A melody as notation (abcjs), piano roll and sound (Tone.js), drawn and played in the browser
 * ({@code frontend/music/melody-view.ts}). The server sends the ABC text and the notes; playing costs no requests.
 * The music challenges show their melodies with it too.
 */
@NamedInterface("ui")
@Tag("melody-view")
@JsModule("./music/melody-view.ts")
@NpmPackage(value = "abcjs", version = "6.7.2")
@NpmPackage(value = "tone", version = "15.1.22")
public class MelodyView extends Component implements HasSize {

    /** A note: MIDI pitch, first step, length in steps. */
    public record Note(int pitch, int start, int length) {
    }

    public MelodyView() {
        getElement().setProperty("playText", getTranslation("challenge.music.play"));
        getElement().setProperty("stopText", getTranslation("challenge.music.stop"));
        getElement().setProperty("tempoText", getTranslation("challenge.music.tempo"));
        getElement().setProperty("rollText", getTranslation("challenge.music.roll"));
    }

    /** Shows a melody of the music model, with its ABC text and notes. */
    public void show(Melody melody, String title) {
        List<Note> notes = melody.notes().stream().map(n -> new Note(n.pitch(), n.step(), n.length())).toList();
        show(AbcExport.toAbc(melody, title), notes,
                Melody.STEPS);
    }

    /** Shows melodies one after the other as one piece (a morph from its first step to its last). */
    public void show(List<Melody> melodies, String title) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < melodies.size(); i++) {
            int offset = i * Melody.STEPS;
            melodies.get(i).notes().forEach(n -> notes.add(new Note(n.pitch(), offset + n.step(), n.length())));
        }
        show(AbcExport.toAbc(melodies, title), notes,
                melodies.size() * Melody.STEPS);
    }

    public void show(String abc, List<Note> notes, int steps) {
        getElement().setProperty("abc", abc);
        getElement().setProperty("steps", steps);
        List<Map<String, Integer>> json = new ArrayList<>();
        for (Note note : notes) {
            json.add(Map.of("pitch", note.pitch(), "start", note.start(), "length", note.length()));
        }
        getElement().setPropertyList("notes", json);
    }
}
