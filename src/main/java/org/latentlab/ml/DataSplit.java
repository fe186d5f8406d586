package org.latentlab.ml;

import java.util.Arrays;
import java.util.Random;

/**
 * A deterministic train / validation / test split (80 / 10 / 10 %): the image indices shuffled with a fixed seed.
 * Every part of the app (training, the playground's test digits, the judge's accuracy) sees the same split.
 */
public record DataSplit(int[] train, int[] validation, int[] test) {

    public static final long SEED = 20_261_123L;

    public static DataSplit of(ImageSet images) {
        return of(images.size(), SEED);
    }

    static DataSplit of(int count, long seed) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int trainEnd = count * 8 / 10;
        int validationEnd = count * 9 / 10;
        return new DataSplit(Arrays.copyOfRange(order, 0, trainEnd), Arrays.copyOfRange(order, trainEnd, validationEnd),
                Arrays.copyOfRange(order, validationEnd, count));
    }
}
