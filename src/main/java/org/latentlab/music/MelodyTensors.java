package org.latentlab.music;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Melodies to and from the network's numbers: one-hot rows in, 38 logits per step out. */
final class MelodyTensors {

    private MelodyTensors() {
    }

    /** The melodies one-hot, one row of 32 x 38 numbers each, as an (n, 1216) array in the given manager. */
    static NDArray oneHot(NDManager manager, List<Melody> melodies) {
        float[] values = new float[melodies.size() * MelodyVaeBlock.INPUT];
        for (int i = 0; i < melodies.size(); i++) {
            Melody melody = melodies.get(i);
            for (int step = 0; step < Melody.STEPS; step++) {
                values[i * MelodyVaeBlock.INPUT + step * Melody.VOCABULARY + Melody.tokenClass(melody.token(step))] = 1;
            }
        }
        return manager.create(values, new Shape(melodies.size(), MelodyVaeBlock.INPUT));
    }

    /**
     * The melody the logits of one row describe: the most likely token at each step; a hold that would follow a rest
     * (or open the melody) becomes a rest, since nothing sounds that it could hold.
     */
    static Melody fromLogits(float[] logits, int row) {
        int[] tokens = new int[Melody.STEPS];
        int base = row * MelodyVaeBlock.INPUT;
        for (int step = 0; step < Melody.STEPS; step++) {
            int offset = base + step * Melody.VOCABULARY;
            int best = 0;
            for (int c = 1; c < Melody.VOCABULARY; c++) {
                if (logits[offset + c] > logits[offset + best]) {
                    best = c;
                }
            }
            int token = Melody.tokenOfClass(best);
            if (token == Melody.HOLD && (step == 0 || tokens[step - 1] == Melody.REST)) {
                token = Melody.REST;
            }
            tokens[step] = token;
        }
        return new Melody(tokens);
    }
}
