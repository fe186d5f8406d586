package org.latentlab.music;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Our corpus of short melodies, packed with the app: public-domain tunes ({@code latentlab/music/tunes.abc}) and
 * exercises we wrote ({@code latentlab/music/exercises.abc}); {@code latentlab/music/CORPUS.md} names the sources.
 */
public final class MelodyCorpus {

    public static final String TUNES = "latentlab/music/tunes.abc";
    public static final String EXERCISES = "latentlab/music/exercises.abc";

    /** Whether an entry is a real tune or one of our exercises. */
    public enum Kind {
        TUNE, EXERCISE
    }

    /** One entry: a tune or an exercise, with its 32-step melody. */
    public record Entry(Kind kind, AbcTune tune) {

        public Melody melody() {
            return tune.melody();
        }

        /** What the training split keeps together: kind and title (the phrases of one tune share it). */
        public String group() {
            return kind + ":" + tune.title();
        }
    }

    private static volatile List<Entry> cached;

    private MelodyCorpus() {
    }

    /** The melody of the entry at this index of {@link #entries()}: how challenges name their tunes. */
    public static Melody melody(int entry) {
        return entries().get(entry).melody();
    }

    /** All entries, tunes first, in file order (read once, then kept). */
    public static List<Entry> entries() {
        List<Entry> entries = cached;
        if (entries == null) {
            List<Entry> read = new ArrayList<>();
            AbcParser.parseAll(resource(TUNES)).forEach(tune -> read.add(new Entry(Kind.TUNE, tune)));
            AbcParser.parseAll(resource(EXERCISES)).forEach(tune -> read.add(new Entry(Kind.EXERCISE, tune)));
            entries = List.copyOf(read);
            cached = entries;
        }
        return entries;
    }

    static String resource(String name) {
        try (InputStream in = MelodyCorpus.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The melody corpus file " + name + " is not packed in this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
