package org.latentlab.music;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * The melody VAE's data: the corpus split by tune into train, validation and test (80 / 10 / 10 % of the tunes,
 * shuffled with a fixed seed), then every melody transposed into all twelve keys ({@link #inAllKeys}), keeping
 * the transpositions whose notes all stay within C3..B5. Splitting by tune, not by melody, means a test
 * tune is never seen in training in any key, nor is another phrase of it. A few exercises are transpositions of
 * each other (the F major scale is the C major scale a fourth up): validation and test melodies that also occur in
 * the training melodies are left out of those two sets.
 */
record MelodyData(List<Melody> train, List<Melody> validation, List<Melody> test, List<String> trainGroups,
        List<String> validationGroups, List<String> testGroups) {

    /** The split the shipped model was trained with. */
    public static final long SEED = 9;
    static final double VALIDATION_SHARE = 0.1;
    static final double TEST_SHARE = 0.1;

    public MelodyData {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
        trainGroups = List.copyOf(trainGroups);
        validationGroups = List.copyOf(validationGroups);
        testGroups = List.copyOf(testGroups);
    }

    /** The whole corpus, split with the given seed. */
    public static MelodyData of(long seed) {
        return of(MelodyCorpus.entries(), seed);
    }

    public static MelodyData of(List<MelodyCorpus.Entry> entries, long seed) {
        Map<String, List<Melody>> groups = new LinkedHashMap<>();
        for (MelodyCorpus.Entry entry : entries) {
            groups.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(entry.melody());
        }
        List<String> names = new ArrayList<>(new TreeSet<>(groups.keySet()));
        Collections.shuffle(names, new Random(seed));
        int testCount = (int) Math.round(names.size() * TEST_SHARE);
        int validationCount = (int) Math.round(names.size() * VALIDATION_SHARE);
        List<String> testGroups = names.subList(0, testCount);
        List<String> validationGroups = names.subList(testCount, testCount + validationCount);
        List<String> trainGroups = names.subList(testCount + validationCount, names.size());
        List<Melody> train = inAllKeys(trainGroups, groups);
        java.util.Set<Melody> seen = new java.util.HashSet<>(train);
        List<Melody> validation = inAllKeys(validationGroups, groups).stream().filter(m -> !seen.contains(m)).toList();
        List<Melody> test = inAllKeys(testGroups, groups).stream().filter(m -> !seen.contains(m)).toList();
        return new MelodyData(train, validation, test, trainGroups, validationGroups, testGroups);
    }

    private static List<Melody> inAllKeys(List<String> names, Map<String, List<Melody>> groups) {
        List<Melody> melodies = new ArrayList<>();
        for (String name : names) {
            for (Melody melody : groups.get(name)) {
                melodies.addAll(inAllKeys(melody));
            }
        }
        return melodies;
    }

    /**
     * The melody in each of the twelve keys that fits C3..B5, itself included: moved by 6 semitones down to 5 up,
     * or, where that leaves the range, by the same step an octave higher or lower.
     */
    public static List<Melody> inAllKeys(Melody melody) {
        List<Melody> keys = new ArrayList<>();
        for (int semitones = -6; semitones <= 5; semitones++) {
            int shift = semitones;
            melody.transposed(shift).or(() -> melody.transposed(shift + 12))
                    .or(() -> melody.transposed(shift - 12)).ifPresent(keys::add);
        }
        return keys;
    }
}
