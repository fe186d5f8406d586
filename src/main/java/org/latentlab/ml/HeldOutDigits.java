package org.latentlab.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.stereotype.Component;

/** Test digits (never seen in training) for the lesson's widgets and figures. */
@Component
public class HeldOutDigits {

    /** A test digit: its index in the data set, its label and its pixels. */
    public record Digit(int index, int label, float[] pixels) {
    }

    private volatile ImageSet images;
    private volatile int[] test;

    private void load() {
        if (images == null) {
            synchronized (this) {
                if (images == null) {
                    ImageSet loaded = ImageSet.load(DatasetName.MNIST);
                    DataSplit split = DataSplit.of(loaded);
                    int[] shown = new int[split.validation().length + split.test().length];
                    System.arraycopy(split.validation(), 0, shown, 0, split.validation().length);
                    System.arraycopy(split.test(), 0, shown, split.validation().length, split.test().length);
                    test = shown;
                    images = loaded;
                }
            }
        }
    }

    /** The validation and test digits (2,000), which no model was trained on. */
    public List<Digit> heldOut() {
        load();
        List<Digit> digits = new ArrayList<>(test.length);
        for (int index : test) {
            digits.add(digit(index));
        }
        return digits;
    }

    /** One held-out example of each digit 0..9; the same seed gives the same set. */
    public List<Digit> oneOfEach(long seed) {
        load();
        Random random = new Random(seed);
        List<Digit> chosen = new ArrayList<>();
        for (int label = 0; label < 10; label++) {
            List<Integer> candidates = new ArrayList<>();
            for (int index : test) {
                if (images.label(index) == label) {
                    candidates.add(index);
                }
            }
            chosen.add(digit(candidates.get(random.nextInt(candidates.size()))));
        }
        return chosen;
    }

    /** A held-out digit by its index in the data set, if that index is one of the held-out digits. */
    public java.util.Optional<Digit> byIndex(int index) {
        load();
        for (int heldOut : test) {
            if (heldOut == index) {
                return java.util.Optional.of(digit(index));
            }
        }
        return java.util.Optional.empty();
    }

    /** A random held-out example of the given digit (0..9). */
    public Digit randomOf(int label, Random random) {
        load();
        List<Integer> candidates = new ArrayList<>();
        for (int index : test) {
            if (images.label(index) == label) {
                candidates.add(index);
            }
        }
        return digit(candidates.get(random.nextInt(candidates.size())));
    }

    private Digit digit(int index) {
        return new Digit(index, images.label(index), images.image(index));
    }
}
